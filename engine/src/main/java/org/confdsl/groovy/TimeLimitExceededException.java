package org.confdsl.groovy;

import java.time.Duration;
import java.util.Optional;

/**
 * User code ran longer than its {@link TimeLimit}. {@link #stopped()} says whether the worker
 * ended after its interrupt; {@link #ending()} is what it ended with (its stack names the line it
 * was on), when it ended within the grace period.
 */
public final class TimeLimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration limit;
    private final boolean stopped;
    private final transient Optional<Throwable> ending;

    TimeLimitExceededException(Duration limit, boolean stopped, Optional<Throwable> ending) {
        super("ran longer than " + limit.toMillis() + " ms" + (stopped ? " (stopped)" : " (did not stop)"));
        this.limit = limit;
        this.stopped = stopped;
        this.ending = ending;
    }

    /** The limit that passed. */
    public Duration limit() {
        return limit;
    }

    /** Whether the code ended after it was interrupted; false means its thread still runs. */
    public boolean stopped() {
        return stopped;
    }

    /** What the code ended with after its interrupt, if it ended in time. */
    public Optional<Throwable> ending() {
        return ending;
    }
}
