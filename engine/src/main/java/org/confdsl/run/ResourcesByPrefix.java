package org.confdsl.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.confdsl.model.ResourceModel;
import org.confdsl.store.KeyPrefix;

/**
 * Which resources a changed key concerns, in a few hash look-ups (one per {@code /} in the key)
 * rather than one prefix comparison per resource: a transaction of 1,000 keys against 1,000
 * resources is then 1,000 small look-ups, not a million comparisons.
 */
final class ResourcesByPrefix {

    private final Map<String, List<String>> byPrefix = new HashMap<>();
    private final List<String> everything = new ArrayList<>();

    ResourcesByPrefix(List<ResourceModel> resources) {
        for (ResourceModel r : resources) {
            for (String prefix : r.watchedPrefixes()) {
                String p = KeyPrefix.normalize(prefix);
                if (p.isEmpty()) {
                    everything.add(r.name());
                } else {
                    byPrefix.computeIfAbsent(p, k -> new ArrayList<>()).add(r.name());
                }
            }
        }
    }

    /** Adds to {@code out} the names of the resources whose prefixes cover {@code key} ({@link KeyPrefix#covers}). */
    void collect(String key, Set<String> out) {
        out.addAll(everything);
        add(key, out);
        for (int slash = key.indexOf('/', 1); slash > 0; slash = key.indexOf('/', slash + 1)) {
            add(key.substring(0, slash), out);
        }
    }

    /** The names of the resources concerned by any of {@code keys}. */
    Set<String> of(Iterable<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : keys) {
            collect(key, out);
        }
        return out;
    }

    private void add(String prefix, Set<String> out) {
        List<String> names = byPrefix.get(prefix);
        if (names != null) {
            out.addAll(names);
        }
    }
}
