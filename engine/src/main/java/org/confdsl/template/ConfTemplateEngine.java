package org.confdsl.template;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.confdsl.groovy.GroovyCompiler;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.confdsl.template.internal.ErrorMessages;
import org.confdsl.template.internal.GroovySourceGenerator;
import org.confdsl.template.internal.TemplateScript;
import org.confdsl.template.internal.TemplateSyntaxException;
import org.confdsl.template.internal.TemplateTokenizer;

/**
 * The confdsl template language, shaped like Groovy's {@code groovy.text.TemplateEngine} (its
 * templates are {@link groovy.text.Template}s): {@code ${expr}},
 * {@code <%= expr %>}, {@code <% code %>} and {@code <%-- comment --%>} are Groovy; everything
 * else is literal text (nginx's {@code $host}, {@code $1}, backslashes). Unlike Groovy's own
 * engines, {@code $name} is NOT interpolated. Templates are compiled with {@code ThreadInterrupt}
 * (by {@link GroovyCompiler}), so interrupting the rendering thread stops a runaway loop, and
 * calls that end the process are refused; {@code DateTimeFormatter} is imported.
 * The engine does not cache; {@link TemplateRenderer} does.
 *
 * <p>It does not extend {@code groovy.text.TemplateEngine} because that class file carries a
 * SpotBugs annotation that javac cannot resolve without spotbugs-annotations on the class path,
 * which fails our {@code -Werror} build; the methods have the same names and meaning.
 */
public final class ConfTemplateEngine {


    /** Creates an engine; it holds no state besides its configuration. */
    public ConfTemplateEngine() {
    }

    /**
     * Compiles a template read from {@code reader}, named {@code template} in messages.
     *
     * @throws TemplateException on a syntax error
     */
    public ConfTemplate createTemplate(Reader reader) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return compile(Path.of("template"), text.toString());
    }

    /**
     * Compiles {@code text}, named {@code template} in messages.
     *
     * @throws TemplateException on a syntax error
     */
    public ConfTemplate createTemplate(String text) {
        return compile(Path.of("template"), text);
    }

    /**
     * Compiles {@code text}; {@code source} names the template in messages.
     *
     * @throws TemplateException naming the template line of the first syntax error
     */
    public ConfTemplate compile(Path source, String text) {
        String className = className(source);
        String groovy;
        try {
            groovy = GroovySourceGenerator.generate(TemplateTokenizer.tokenize(text));
        } catch (TemplateSyntaxException e) {
            throw new TemplateException(source, e.line(), e.getMessage(), e);
        }
        // one loader per template (GroovyCompiler makes one), so a replaced template's classes can be unloaded
        try {
            Class<?> type = GroovyCompiler.load("confdsl-template-1", className + ".groovy", groovy,
                    ConfTemplateEngine::compilerConfiguration, TemplateScript.class.getClassLoader());
            return new ConfTemplate(source, type.asSubclass(TemplateScript.class));
        } catch (CompilationFailedException e) {
            throw ErrorMessages.compileFailure(source, className, e);
        } catch (ClassNotFoundException e) {
            throw new TemplateException(source, 0, "cannot load the compiled template: " + e, e);
        }
    }

    private static CompilerConfiguration compilerConfiguration() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(TemplateScript.class.getName());
        config.setSourceEncoding("UTF-8");
        // GroovyCompiler adds ThreadInterrupt and ForbiddenCalls to every compile
        config.addCompilationCustomizers(new ImportCustomizer().addImports("java.time.format.DateTimeFormatter"));
        return config;
    }

    private static String className(Path source) {
        Path file = source.getFileName();
        String name = file == null ? "template" : file.toString().replaceAll("[^A-Za-z0-9]", "_");
        // stable across runs, so that the class cache finds it again; each template has its own loader
        return "ConfdslTemplate_" + name;
    }
}
