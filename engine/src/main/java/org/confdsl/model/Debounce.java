package org.confdsl.model;

import java.time.Duration;

/**
 * How long a resource waits after a change before it is rendered: until no change came for
 * {@code quiet}, but never longer than {@code max} after the first change (consul-template's
 * {@code wait min:max}). Declared per resource with {@code wait '50ms', '1s'}: an opt-in. Without
 * it ({@link #DEFAULT}, no window) a change is rendered as soon as nothing else is in progress
 * for its resource, and the changes that arrive while a render, check or reload runs are
 * rendered once when it finishes (natural batching).
 *
 * @param quiet the quiescence that ends a burst
 * @param max the longest a burst may delay a render
 */
public record Debounce(Duration quiet, Duration max) {

    /** No window: render at once when nothing is pending (the default). */
    public static final Debounce DEFAULT = new Debounce(Duration.ZERO, Duration.ZERO);

    public Debounce {
        if (quiet.isNegative() || max.compareTo(quiet) < 0) {
            throw new IllegalArgumentException("debounce needs 0 <= quiet <= max, not " + quiet + " / " + max);
        }
    }

    /** The moment (nanoTime) a resource first changed at {@code firstNanos} and last at {@code lastNanos} is due. */
    public long dueNanos(long firstNanos, long lastNanos) {
        return Math.min(lastNanos + quiet.toNanos(), firstNanos + max.toNanos());
    }
}
