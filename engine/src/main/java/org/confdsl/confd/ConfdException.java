package org.confdsl.confd;

/** A confd setup that cannot be read: the message names the file and says what to change. */
public final class ConfdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfdException(String message) {
        super(message);
    }

    public ConfdException(String message, Throwable cause) {
        super(message, cause);
    }
}
