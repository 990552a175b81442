package org.confdsl.sync.internal;

/** A step could not do its job; the message is one line for the user, without a stack trace. */
public final class StepException extends Exception {

    private static final long serialVersionUID = 1L;

    public StepException(String message) {
        super(message);
    }

    public StepException(String message, Throwable cause) {
        super(message, cause);
    }
}
