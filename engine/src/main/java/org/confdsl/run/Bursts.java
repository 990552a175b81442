package org.confdsl.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.confdsl.model.Debounce;

/**
 * When each changed resource is due for a render. Without a {@code wait} (quiet time zero, the
 * default) every change is due at once; the changes that come while the watch loop is busy
 * rendering, checking or reloading stay one pending entry, so they cost one render when it is
 * done (natural batching), from the newest state. With a {@code wait}, a change that comes after
 * a quiet spell is rendered at once (leading edge); changes that follow it within the quiet time
 * form a burst, rendered once when the burst settles or at its maximum (trailing edge). Not
 * thread-safe: the watch loop calls it under its lock. Times are nanoTime.
 */
final class Bursts {

    private static final class Burst {
        final long first;
        final boolean leading;
        final boolean retry;
        long due;

        Burst(long first, long due, boolean leading, boolean retry) {
            this.first = first;
            this.due = due;
            this.leading = leading;
            this.retry = retry;
        }
    }

    private final Map<String, Burst> pending = new HashMap<>();
    private final Map<String, Long> lastChange = new HashMap<>();

    /** A key of {@code resource} changed at {@code now}. */
    void changed(String resource, Debounce debounce, long now) {
        Long previous = lastChange.put(resource, now);
        Burst burst = pending.get(resource);
        if (burst == null || burst.retry) {
            boolean afterQuiet = previous == null || now - previous >= debounce.quiet().toNanos();
            pending.put(resource, afterQuiet
                    ? new Burst(now, now, true, false)
                    : new Burst(now, debounce.dueNanos(now, now), false, false));
        } else if (!burst.leading) {
            burst.due = debounce.dueNanos(burst.first, now);
        }
        // A leading render not yet taken already covers this change: it renders the newest state.
    }

    /** {@code resource} failed; render it again at {@code at} unless a change brings it sooner. */
    void retryAt(String resource, long at) {
        pending.putIfAbsent(resource, new Burst(at, at, false, true));
    }

    /** The resources due at {@code now}, removed from the pending set. */
    List<String> takeDue(long now) {
        List<String> due = new ArrayList<>();
        pending.entrySet().removeIf(e -> {
            if (e.getValue().due <= now) {
                due.add(e.getKey());
                return true;
            }
            return false;
        });
        return due;
    }

    /** The earliest due time, or {@code Long.MAX_VALUE} when nothing is pending. */
    long nextDue() {
        return pending.values().stream().mapToLong(b -> b.due).min().orElse(Long.MAX_VALUE);
    }

    /** Forgets every pending render (a resync renders everything anyway). */
    void clear() {
        pending.clear();
    }
}
