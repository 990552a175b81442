package org.confdsl.groovy;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Refuses, when a script or template is compiled, the calls that would end the confdsl process
 * without a word: {@code System.exit}, {@code Runtime.getRuntime().exit} and {@code .halt}
 * (also through {@code Runtime.runtime}, a variable holding it, a static import or a method
 * pointer). The error names the source line like any compile error.
 *
 * <p>This guards against a mistake, not against an adversary: scripts and templates are code
 * that runs with confdsl's privileges (see the README's trust model), and reflection can reach
 * anything. Bump {@link #VERSION} whenever what is refused changes: it is part of the class
 * cache key, so no class compiled under older rules is reused.
 */
public final class ForbiddenCalls extends CompilationCustomizer {

    /** The version of these rules, part of {@link GroovyCompiler}'s cache key. */
    public static final int VERSION = 1;

    private static final Set<String> ENDINGS = Set.of("exit", "halt");

    /** Creates the check; it runs after class names are resolved. */
    public ForbiddenCalls() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Visitor(source).visitClass(classNode);
    }

    /** A compile error for a refused construct (also used by other checks); reporters show its message as it is, without "syntax error". */
    public static final class Refused extends SyntaxException {

        private static final long serialVersionUID = 1L;

        public Refused(String message, ASTNode node) {
            super(message, node);
        }
    }

    private static final class Visitor extends ClassCodeVisitorSupport {

        private final SourceUnit source;
        private final Set<String> runtimeVariables = new HashSet<>();

        Visitor(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitDeclarationExpression(DeclarationExpression d) {
            if (!d.isMultipleAssignmentDeclaration() && isRuntime(d.getRightExpression())) {
                runtimeVariables.add(d.getVariableExpression().getName());
            }
            super.visitDeclarationExpression(d);
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            String name = call.getMethodAsString();
            if (name != null && ENDINGS.contains(name)) {
                owner(call.getObjectExpression()).ifPresent(owner -> refuse(owner + "." + name, call));
            }
            super.visitMethodCallExpression(call);
        }

        @Override
        public void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
            if (ENDINGS.contains(call.getMethod())) {
                owner(call.getOwnerType()).ifPresent(owner -> refuse(owner + "." + call.getMethod(), call));
            }
            super.visitStaticMethodCallExpression(call);
        }

        @Override
        public void visitMethodPointerExpression(MethodPointerExpression pointer) {
            String name = pointer.getMethodName().getText();
            if (ENDINGS.contains(name)) {
                owner(pointer.getExpression()).ifPresent(owner -> refuse(owner + "." + name, pointer));
            }
            super.visitMethodPointerExpression(pointer);
        }

        private void refuse(String call, ASTNode node) {
            source.addErrorAndContinue(new Refused(call + " is not allowed: it would end confdsl without a word;"
                    + " to fail, throw an exception instead, e.g. throw new IllegalStateException('why')", node));
        }

        /** "System" or "Runtime" when {@code receiver} is one of them (or the runtime object). */
        private Optional<String> owner(Expression receiver) {
            if (receiver instanceof ClassExpression c) {
                return owner(c.getType());
            }
            if (isRuntime(receiver)) {
                return Optional.of("Runtime");
            }
            return Optional.empty();
        }

        private static Optional<String> owner(ClassNode type) {
            return switch (type.getName()) {
                case "java.lang.System" -> Optional.of("System");
                case "java.lang.Runtime" -> Optional.of("Runtime");
                default -> Optional.empty();
            };
        }

        /** {@code Runtime.getRuntime()}, {@code Runtime.runtime}, or a variable declared as one of them. */
        private boolean isRuntime(Expression e) {
            if (e instanceof MethodCallExpression m && "getRuntime".equals(m.getMethodAsString())) {
                return isRuntimeClass(m.getObjectExpression());
            }
            if (e instanceof StaticMethodCallExpression s && "getRuntime".equals(s.getMethod())) {
                return s.getOwnerType().getName().equals("java.lang.Runtime");
            }
            if (e instanceof PropertyExpression p && "runtime".equals(p.getPropertyAsString())) {
                return isRuntimeClass(p.getObjectExpression());
            }
            return e instanceof VariableExpression v && runtimeVariables.contains(v.getName());
        }

        private static boolean isRuntimeClass(Expression e) {
            return e instanceof ClassExpression c && c.getType().getName().equals("java.lang.Runtime");
        }
    }
}
