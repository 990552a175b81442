package org.confdsl.gotemplate.internal;

/** An execution error already worded as Go words it; no stack trace (it is a message, not a bug). */
final class ExecError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ExecError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
