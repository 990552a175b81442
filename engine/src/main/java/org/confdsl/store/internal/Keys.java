package org.confdsl.store.internal;

import java.util.Collection;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.confdsl.store.KeyPrefix;

/** Key validation and prefix selection shared by the stores. */
public final class Keys {

    private Keys() {
    }

    /**
     * Checks that {@code key} is absolute.
     *
     * @throws IllegalArgumentException naming the key when it is null or does not start with {@code /}
     */
    public static String requireValid(String key) {
        if (key == null || !key.startsWith("/")) {
            throw new IllegalArgumentException("key must start with '/': " + (key == null ? "null" : "'" + key + "'"));
        }
        return key;
    }

    /**
     * Checks that {@code key} is absolute and has no empty segments, so that it can be a path of nested maps.
     *
     * @throws IllegalArgumentException naming the key otherwise
     */
    public static String requireNestable(String key) {
        requireValid(key);
        if (key.length() == 1 || key.endsWith("/") || key.contains("//")) {
            throw new IllegalArgumentException("key must be /segment/segment... without empty segments: '" + key + "'");
        }
        return key;
    }

    /**
     * The entries of {@code all} covered by any of {@code prefixes}, using range views so that a
     * narrow prefix over a large map costs little.
     */
    public static NavigableMap<String, String> select(NavigableMap<String, String> all, Collection<String> prefixes) {
        NavigableMap<String, String> out = new TreeMap<>();
        for (String prefix : prefixes) {
            String p = KeyPrefix.normalize(prefix);
            if (p.isEmpty()) {
                out.putAll(all);
                return out;
            }
            String exact = all.get(p);
            if (exact != null) {
                out.put(p, exact);
            }
            // '0' is the character after '/', so this range is exactly the keys below p.
            out.putAll(all.subMap(p + "/", true, p + "0", false));
        }
        return out;
    }
}
