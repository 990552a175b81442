package org.confdsl.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How long a failed resource waits before its next try: {@link #FIRST} after the first failure,
 * twice as long after each further one, never more than {@link #LAST}; a success starts again
 * from {@link #FIRST}. Not thread-safe: the watch loop calls it under its lock.
 */
final class RetryDelays {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LAST = Duration.ofMinutes(1);

    private final Map<String, Duration> next = new HashMap<>();

    /** {@code resource} failed: the delay before its next try. */
    Duration failed(String resource) {
        Duration delay = next.getOrDefault(resource, FIRST);
        Duration doubled = delay.multipliedBy(2);
        next.put(resource, doubled.compareTo(LAST) > 0 ? LAST : doubled);
        return delay;
    }

    /** How many resources failed at their last try and wait for the next. */
    int waiting() {
        return next.size();
    }

    /** {@code resource} succeeded: its next failure waits {@link #FIRST} again. */
    void succeeded(String resource) {
        next.remove(resource);
    }
}
