package org.confdsl.dsl.internal;

import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.Janitor;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.confdsl.groovy.ForbiddenCalls;

/**
 * {@code mode 0644} written as a number: Groovy reads {@code 0644} as octal (420) and {@code 644}
 * as decimal, so the value alone cannot say what was meant. This check reads the literal as the
 * author wrote it, when the script is compiled, and says which string to write:
 * {@code mode 0644 is a number; write the octal mode as a string: mode '0644'}.
 */
public final class NumericModeCheck extends CompilationCustomizer {

    /** Creates the check; it runs on the parsed script, before names are resolved. */
    public NumericModeCheck() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new ClassCodeVisitorSupport() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                if ("mode".equals(call.getMethodAsString()) && call.isImplicitThis()
                        && call.getArguments() instanceof ArgumentListExpression args && args.getExpressions().size() == 1
                        && args.getExpression(0) instanceof ConstantExpression c && c.getValue() instanceof Number n) {
                    String written = written(source, c).orElse(String.valueOf(n));
                    source.addErrorAndContinue(new ForbiddenCalls.Refused("mode " + written
                            + " is a number; write the octal mode as a string: mode '" + hint(written, n) + "'", c));
                }
                super.visitMethodCallExpression(call);
            }
        }.visitClass(classNode);
    }

    /** The octal string the author most likely meant: the digits as written, with one leading 0. */
    static String hint(String written, Number value) {
        if (written.matches("[0-7]+")) {
            return "0" + written.replaceFirst("^0+(?=.)", "");
        }
        long v = value.longValue();
        return v >= 0 && v <= 07777 ? "0" + Long.toOctalString(v) : "0644";
    }

    private static java.util.Optional<String> written(SourceUnit source, Expression e) {
        if (e.getLineNumber() <= 0 || e.getLineNumber() != e.getLastLineNumber() || source.getSource() == null) {
            return java.util.Optional.empty();
        }
        Janitor janitor = new Janitor();
        try {
            String line = source.getSource().getLine(e.getLineNumber(), janitor);
            int from = e.getColumnNumber() - 1;
            int to = e.getLastColumnNumber() - 1;
            if (line == null || from < 0 || to > line.length() || from >= to) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(line.substring(from, to).trim());
        } finally {
            janitor.cleanup();
        }
    }
}
