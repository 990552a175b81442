package org.confdsl.shell;

import groovy.lang.Binding;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.GroovyShell;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import groovy.transform.ThreadInterrupt;
import groovy.util.DelegatingScript;
import java.util.List;

import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.runtime.FormatHelper;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.confdsl.cli.UsageException;
import org.confdsl.store.KeyValueStore;
import org.confdsl.template.KeyView;
import org.confdsl.template.TemplateException;
import org.confdsl.template.TemplateFunctionException;
import org.confdsl.template.TemplateFunctions;

/**
 * Evaluates a Groovy expression with the template functions ({@code getv}, {@code getvs},
 * {@code ls}, ...) bound to the store as it is now, keys absolute (prefix {@code /}). Loops stop
 * when the thread is interrupted (Ctrl-C), through {@link ThreadInterrupt}.
 */
final class GroovyEvaluator {

    private final GroovyShell shell;

    GroovyEvaluator() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(DelegatingScript.class.getName());
        config.addCompilationCustomizers(new ASTTransformationCustomizer(ThreadInterrupt.class));
        shell = new GroovyShell(GroovyEvaluator.class.getClassLoader(), new Binding(), config);
    }

    /**
     * The value of {@code expression}, printed as Groovy prints it ({@code [a, b]} for a list).
     *
     * @throws UsageException for an expression that does not compile, or names an unknown function or variable
     * @throws TemplateException when a template function fails (a missing key, a bad argument)
     */
    String evaluate(String expression, KeyValueStore store) {
        DelegatingScript script;
        try {
            script = (DelegatingScript) shell.parse(expression, "eval.groovy");
        } catch (MultipleCompilationErrorsException e) {
            String first = e.getMessage().lines().filter(l -> l.startsWith("eval.groovy:")).findFirst()
                    .orElse(e.getMessage().strip());
            throw new UsageException("the expression does not compile: " + first.replaceFirst("^eval\\.groovy: \\d+: ", ""));
        }
        script.setDelegate(new Functions(new TemplateFunctions(new KeyView(store.snapshot(List.of("/")), "/"))));
        try {
            return FormatHelper.toString(script.run());
        } catch (MissingMethodException e) {
            throw new UsageException("no function " + e.getMethod() + " taking " + e.getArguments().length
                    + " argument(s); the template functions are getv, getvs, gets, ls, lsdir, exists, ... (see README)");
        } catch (TemplateFunctionException e) {
            throw new TemplateException(java.nio.file.Path.of("eval"), 0, e.getMessage(), e);
        } catch (MissingPropertyException e) {
            throw new UsageException("unknown name '" + e.getProperty() + "'; quote strings: '" + e.getProperty() + "'");
        }
    }

    /**
     * The template functions as the script sees them: only their methods. Bound directly, Groovy
     * would read an unknown name {@code x} as {@code get('x')} and report a missing key.
     */
    private static final class Functions extends GroovyObjectSupport {

        private final TemplateFunctions functions;

        Functions(TemplateFunctions functions) {
            this.functions = functions;
        }

        @Override
        public Object invokeMethod(String name, Object args) {
            Object[] arguments = args instanceof Object[] a ? a : new Object[] {args};
            if (InvokerHelper.getMetaClass(functions).respondsTo(functions, name).isEmpty()) {
                throw new MissingMethodException(name, TemplateFunctions.class, arguments);
            }
            return InvokerHelper.invokeMethod(functions, name, arguments);
        }

        @Override
        public Object getProperty(String name) {
            throw new MissingPropertyException(name, TemplateFunctions.class);
        }
    }
}
