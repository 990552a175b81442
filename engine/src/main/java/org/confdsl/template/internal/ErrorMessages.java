package org.confdsl.template.internal;

import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.confdsl.groovy.ForbiddenCalls;
import org.confdsl.template.TemplateException;
import org.confdsl.template.TemplateFunctionException;

/**
 * Turns Groovy's compile and runtime failures into {@link TemplateException}s that name the
 * template and its line, in words for the template's author: no stack trace, no generated class
 * name. Line numbers need no mapping because generated line N is template line N.
 */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /** A failure to compile the generated script of {@code template}. */
    public static TemplateException compileFailure(Path template, String className, CompilationFailedException e) {
        if (e instanceof MultipleCompilationErrorsException m) {
            for (Message message : m.getErrorCollector().getErrors()) {
                if (message instanceof SyntaxErrorMessage s) {
                    String problem = clean(s.getCause().getOriginalMessage(), className);
                    boolean refused = s.getCause() instanceof ForbiddenCalls.Refused;
                    return new TemplateException(template, s.getCause().getLine(), refused ? problem : "syntax error: " + problem, e);
                }
                if (message instanceof ExceptionMessage x) {
                    return new TemplateException(template, 0, "cannot compile: "
                            + clean(String.valueOf(x.getCause().getMessage()), className), e);
                }
            }
        }
        return new TemplateException(template, 0, "cannot compile: " + clean(e.getMessage(), className), e);
    }

    /** A failure while running the script {@code className} compiled from {@code template}. */
    public static TemplateException runtimeFailure(Path template, String className, Throwable thrown) {
        Throwable t = unwrap(thrown);
        int line = lineOf(t, className);
        return new TemplateException(template, line, describe(t, className), t);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof InvokerInvocationException || cur instanceof InvocationTargetException)
                && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static String describe(Throwable t, String className) {
        if (t instanceof TemplateFunctionException) {
            return t.getMessage();
        }
        if (t instanceof InterruptedException) {
            return "rendering was interrupted";
        }
        if (t instanceof MissingPropertyException p && isTemplate(p.getType(), className)) {
            return "unknown name '" + p.getProperty() + "': not a variable, binding or template function";
        }
        if (t instanceof MissingMethodException m && isTemplate(m.getType(), className)) {
            String args = Arrays.stream(m.getArguments())
                    .map(a -> a == null ? "null" : a.getClass().getSimpleName())
                    .collect(Collectors.joining(", "));
            boolean known = Arrays.stream(TemplateScript.class.getMethods())
                    .map(Method::getName).anyMatch(m.getMethod()::equals);
            return known
                    ? "function " + m.getMethod() + " cannot take (" + args + ")"
                    : "unknown function " + m.getMethod() + "(" + args + ")";
        }
        if (t instanceof StackOverflowError) {
            return "stack overflow (endless recursion?)";
        }
        String message = t.getMessage() == null ? "" : ": " + clean(t.getMessage(), className);
        return t.getClass().getSimpleName() + message;
    }

    private static boolean isTemplate(Class<?> type, String className) {
        return type != null && (type.getName().equals(className) || type.getName().startsWith(className + "$"));
    }

    /** The template line of the innermost frame of the generated class, 0 if none. */
    private static int lineOf(Throwable t, String className) {
        for (Throwable cur = t; cur != null; cur = cur.getCause()) {
            for (StackTraceElement frame : cur.getStackTrace()) {
                String name = frame.getClassName();
                if ((name.equals(className) || name.startsWith(className + "$")) && frame.getLineNumber() > 0) {
                    return frame.getLineNumber();
                }
            }
        }
        return 0;
    }

    private static String clean(String message, String className) {
        String m = message.replace(className, "template").trim();
        int at = m.indexOf(" @ line ");
        return at > 0 ? m.substring(0, at) : m;
    }
}
