package org.confdsl.run;

import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.confdsl.store.KeyPrefix;
import org.confdsl.store.Snapshot;
import org.confdsl.store.WatchEvent;

/**
 * The watched keys held in memory, kept current by watch events, so that a change costs one map
 * update rather than a re-read of the store (confd re-reads the whole prefix on every change).
 * Thread-safe: events arrive on the store's thread, renders read on the loop's.
 */
final class KeyMirror {

    private final NavigableMap<String, String> entries = new TreeMap<>();
    private long revision;
    /** The revision of the last reset: anything at or below it is already in {@link #entries}. */
    private long base;

    /** Replaces everything with {@code snapshot} (a fresh read). */
    synchronized void reset(Snapshot snapshot) {
        entries.clear();
        entries.putAll(snapshot.entries());
        revision = snapshot.revision();
        base = revision;
    }

    /**
     * Applies changes that followed the last reset, in revision order. A late event from a watch
     * that was already replaced (revision at or below the reset) is ignored.
     */
    synchronized void apply(List<WatchEvent> events) {
        for (WatchEvent e : events) {
            if (e.revision() <= base) {
                continue;
            }
            if (e.type() == WatchEvent.Type.PUT) {
                entries.put(e.key(), e.value().orElseThrow());
            } else {
                entries.remove(e.key());
            }
            revision = Math.max(revision, e.revision());
        }
    }

    /** The revision of the newest change applied. */
    synchronized long revision() {
        return revision;
    }

    /** The keys under {@code prefixes} as they are now, with the newest revision applied. */
    synchronized Snapshot snapshot(Collection<String> prefixes) {
        return new Snapshot(revision, KeyPrefix.select(entries, prefixes));
    }
}
