package org.confdsl.dsl;

/**
 * A mistake in a script, reported as {@code (name.groovy, line N) what is wrong and what to write
 * instead}. The message is complete; callers print it without a stack trace.
 */
public class DslException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String scriptName;
    private final int line;
    private final String problem;

    public DslException(String scriptName, int line, String problem, Throwable cause) {
        super("(" + scriptName + (line > 0 ? ", line " + line : "") + ") " + problem, cause);
        this.scriptName = scriptName;
        this.line = line;
        this.problem = problem;
    }

    public DslException(String scriptName, int line, String problem) {
        this(scriptName, line, problem, null);
    }

    /** The script's file name. */
    public String scriptName() {
        return scriptName;
    }

    /** The script line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The message without the location. */
    public String problem() {
        return problem;
    }
}
