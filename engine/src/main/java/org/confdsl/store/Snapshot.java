package org.confdsl.store;

import java.util.Collection;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Keys and values read at one revision of a store.
 *
 * @param revision the store's revision at the read; larger means later
 * @param entries absolute keys to values, sorted by key
 */
public record Snapshot(long revision, NavigableMap<String, String> entries) {

    public Snapshot {
        Objects.requireNonNull(entries, "entries");
        entries = Collections.unmodifiableNavigableMap(new TreeMap<>(entries));
    }

    /** The keys of this snapshot covered by any of {@code prefixes} (key-boundary aware), at the same revision. */
    public Snapshot restrictTo(Collection<String> prefixes) {
        if (entries.keySet().stream().allMatch(k -> KeyPrefix.coveredByAny(prefixes, k))) {
            return this; // the usual case in a pass over one resource: nothing to drop, nothing to copy
        }
        return new Snapshot(revision, KeyPrefix.select(entries, prefixes));
    }

    /** An empty snapshot at revision 0. */
    public static Snapshot empty() {
        return new Snapshot(0, new TreeMap<>());
    }
}
