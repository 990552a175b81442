package org.confdsl.sync;

/** What happened to one resource in one pass. */
public enum Outcome {
    /** The destination already held the render, with the right mode and owner; nothing ran. */
    IN_SYNC(false),
    /** Dry run (noop): the destination would change; nothing was written. */
    WOULD_UPDATE(false),
    /** The destination was replaced, and the reload (if any) succeeded. */
    UPDATED(false),
    /** The check command rejected the candidate; the destination is as it was. */
    CHECK_FAILED(true),
    /** The destination was replaced but the reload command failed; it is retried at the next pass. */
    RELOAD_FAILED(true),
    /** Rendering, staging or swapping failed; the destination is as it was. */
    FAILED(true);

    private final boolean failure;

    Outcome(boolean failure) {
        this.failure = failure;
    }

    /** Whether this outcome is a failure that {@code run --once} reports with a non-zero exit code. */
    public boolean isFailure() {
        return failure;
    }
}
