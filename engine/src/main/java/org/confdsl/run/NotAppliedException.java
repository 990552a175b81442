package org.confdsl.run;

/** A resource was not applied at a revision: a daemon rejected it, none serves it, or the wait timed out. */
public final class NotAppliedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotAppliedException(String message) {
        super(message);
    }
}
