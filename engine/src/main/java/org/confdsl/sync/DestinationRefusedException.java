package org.confdsl.sync;

/**
 * A destination confdsl will not read or write: a symlink owned by another user than root or the
 * running user, or a file of another user in a directory others can write. The message names the
 * path and its owner and says what to do.
 */
public final class DestinationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DestinationRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
