package org.confdsl.sync.recovery;

/** Another process (or another part of this one) writes the destination; the message names it. */
public final class DestinationLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DestinationLockedException(String message) {
        super(message);
    }
}
