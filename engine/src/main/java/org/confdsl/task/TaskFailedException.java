package org.confdsl.task;

/**
 * A task stopped at a step: {@code (script.groovy, line 14) drain /cloud/upstream/a: ...}. The
 * store keeps every change made before (each write is one change; none is half done).
 */
public final class TaskFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String script;
    private final int line;
    private final String output;

    public TaskFailedException(String script, int line, String message, String output, Throwable cause) {
        super("(" + script + (line > 0 ? ", line " + line : "") + ") " + message, cause);
        this.script = script;
        this.line = line;
        this.output = output;
    }

    /** The script's file name. */
    public String script() {
        return script;
    }

    /** The script line of the failed step, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The output of a failed command, empty otherwise. */
    public String output() {
        return output;
    }
}
