package org.confdsl.template.internal;

/** A template does not tokenize: an unclosed {@code ${}, {@code <%} or string. */
public final class TemplateSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public TemplateSyntaxException(int line, String problem) {
        super(problem);
        this.line = line;
    }

    /** The template line where the unclosed construct opens. */
    public int line() {
        return line;
    }
}
