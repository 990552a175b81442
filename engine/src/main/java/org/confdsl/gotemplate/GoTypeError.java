package org.confdsl.gotemplate;

/**
 * An argument of the wrong type given to a {@link GoFunction}: the template reports it in Go's
 * words, {@code wrong type for value; expected string; got int}, instead of {@code error calling}.
 * Thrown by {@link GoArgs}; functions may throw it themselves.
 */
public final class GoTypeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param expected Go's name of the type the function wanted ({@code string}, {@code int})
     * @param got the value received, whose Go type name is reported
     */
    public GoTypeError(String expected, Object got) {
        super("wrong type for value; expected " + expected + "; got " + GoValues.typeName(got));
    }
}
