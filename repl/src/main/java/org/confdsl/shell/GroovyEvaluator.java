package org.confdsl.shell;

import groovy.lang.Binding;
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
import org.confdsl.cli.UsageException;
import org.confdsl.store.KeyValueStore;
import org.confdsl.template.KeyView;
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
     */
    String evaluate(String expression, KeyValueStore store) {
        DelegatingScript script;
        try {
            script = (DelegatingScript) shell.parse(expression, "eval.groovy");
        } catch (MultipleCompilationErrorsException e) {
            String first = e.getErrorCollector().getErrors().isEmpty() ? e.getMessage()
                    : e.getErrorCollector().getErrors().get(0).toString();
            throw new UsageException("the expression does not compile: " + first.lines().filter(l -> !l.isBlank())
                    .map(String::strip).filter(l -> !l.startsWith("eval.groovy:") || l.length() > 12).findFirst()
                    .orElse(first).replaceFirst("^eval\\.groovy: \\d+: ", ""));
        }
        script.setDelegate(new TemplateFunctions(new KeyView(store.snapshot(List.of("/")), "/")));
        try {
            return FormatHelper.toString(script.run());
        } catch (MissingMethodException e) {
            throw new UsageException("no function " + e.getMethod() + " taking " + e.getArguments().length
                    + " argument(s); the template functions are getv, getvs, gets, ls, lsdir, exists, ... (see README)");
        } catch (MissingPropertyException e) {
            throw new UsageException("unknown name '" + e.getProperty() + "'; quote strings: '" + e.getProperty() + "'");
        }
    }
}
