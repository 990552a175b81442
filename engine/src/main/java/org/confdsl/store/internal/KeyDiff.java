package org.confdsl.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.confdsl.store.WatchEvent;

/** The events that turn one key map into another. */
public final class KeyDiff {

    private KeyDiff() {
    }

    /**
     * PUT for every key that is new or whose value changed, DELETE for every key that is gone,
     * all at {@code revision}, sorted by key. Empty when the maps are equal.
     */
    public static List<WatchEvent> between(Map<String, String> before, Map<String, String> after, long revision) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<WatchEvent> events = new ArrayList<>();
        for (String key : keys) {
            String old = before.get(key);
            String now = after.get(key);
            if (now == null) {
                events.add(WatchEvent.delete(key, revision));
            } else if (!now.equals(old)) {
                events.add(WatchEvent.put(key, now, revision));
            }
        }
        return events;
    }
}
