package org.confdsl.dsl.internal;

/**
 * Thrown by DSL words for a wrong value; the loader adds the script name and line where the word
 * was called. Internal: users see {@link org.confdsl.dsl.DslException}.
 */
public class DslProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public DslProblem(String message) {
        this(message, 0);
    }

    public DslProblem(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The script line the problem belongs to, or 0 to take it from the stack. */
    public int line() {
        return line;
    }
}
