package org.confdsl.template;

import groovy.lang.Binding;
import groovy.lang.Writable;
import groovy.text.Template;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.confdsl.store.Snapshot;
import org.confdsl.template.internal.ErrorMessages;
import org.confdsl.template.internal.TemplateScript;

/**
 * A compiled template, made by {@link ConfTemplateEngine}. Immutable and thread-safe: each render
 * runs a fresh instance of the compiled class.
 */
public final class ConfTemplate implements Template {

    /** Binding name under which {@link #make(Map)} accepts the {@link TemplateFunctions} to use. */
    public static final String FUNCTIONS_BINDING = "confdsl.functions";

    private final Path source;
    private final Class<? extends TemplateScript> scriptClass;

    ConfTemplate(Path source, Class<? extends TemplateScript> scriptClass) {
        this.source = source;
        this.scriptClass = scriptClass;
    }

    /** The template file (or the name given to the engine); messages use its file name. */
    public Path source() {
        return source;
    }

    /**
     * Renders with {@code functions} to {@code out}.
     *
     * @param variables extra variables visible in the template, by name
     * @throws TemplateException naming the template line on any failure of the template code
     */
    public void render(TemplateFunctions functions, Map<String, ?> variables, Writer out) {
        Objects.requireNonNull(functions, "functions");
        TemplateScript script;
        try {
            script = scriptClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new TemplateException(source, 0, "cannot instantiate the compiled template", e);
        }
        script.setBinding(new Binding(new LinkedHashMap<>(variables)));
        script.init(functions, out);
        try {
            script.run();
        } catch (Exception | StackOverflowError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw ErrorMessages.runtimeFailure(source, scriptClass.getName(), e);
        }
    }

    /** Renders with {@code functions} to a string. */
    public String render(TemplateFunctions functions) {
        StringWriter out = new StringWriter();
        render(functions, Map.of(), out);
        return out.toString();
    }

    /** A Writable rendering with no keys (an empty snapshot); see {@link #make(Map)}. */
    @Override
    public Writable make() {
        return make(Map.of());
    }

    /**
     * A Writable rendering with {@code binding} as template variables; the functions read the
     * {@link TemplateFunctions} under {@link #FUNCTIONS_BINDING}, or no keys at all.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Writable make(Map binding) {
        Map<String, Object> variables = binding == null ? new LinkedHashMap<>() : new LinkedHashMap<>(binding);
        Object given = variables.remove(FUNCTIONS_BINDING);
        TemplateFunctions functions = given instanceof TemplateFunctions f
                ? f : new TemplateFunctions(new KeyView(Snapshot.empty(), "/"));
        return new Writable() {
            @Override
            public Writer writeTo(Writer out) {
                render(functions, variables, out);
                return out;
            }

            @Override
            public String toString() {
                StringWriter out = new StringWriter();
                writeTo(out);
                return out.toString();
            }
        };
    }
}
