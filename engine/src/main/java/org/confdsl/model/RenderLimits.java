package org.confdsl.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a resource's render may run and how large its output may grow; beyond either the
 * render is stopped and the resource fails, and the others go on. Script words
 * {@code renderTimeout '5s'} and {@code renderMaxSize '16MB'}, in a resource or in {@code defaults}.
 *
 * @param timeout how long one render may run
 * @param maxBytes how many bytes (UTF-8) one render may produce
 */
public record RenderLimits(Duration timeout, long maxBytes) {

    /**
     * 5 seconds and 16 MB. A config of thousands of upstreams renders in milliseconds and is
     * measured in kilobytes; the size default leaves the watch daemon's 128 MB heap room to hold a
     * render of that size twice (as text, then as bytes) while it keeps running.
     */
    public static final RenderLimits DEFAULT = new RenderLimits(Duration.ofSeconds(5), 16L * 1024 * 1024);

    public RenderLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a render timeout must be positive, not " + timeout);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("a render size limit must be positive, not " + maxBytes);
        }
    }
}
