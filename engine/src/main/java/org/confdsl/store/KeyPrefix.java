package org.confdsl.store;

import java.util.Collection;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Key-boundary-aware prefix matching: {@code /app} matches {@code /app} and {@code /app/x}, not {@code /apple}. */
public final class KeyPrefix {

    private KeyPrefix() {
    }

    /** Whether {@code key} is {@code prefix} itself or lies below it. {@code "/"} and {@code ""} cover every key. */
    public static boolean covers(String prefix, String key) {
        String p = normalize(prefix);
        if (p.isEmpty()) {
            return true;
        }
        return key.equals(p) || (key.startsWith(p) && key.charAt(p.length()) == '/');
    }

    /** Whether any of {@code prefixes} covers {@code key}. */
    public static boolean coveredByAny(Collection<String> prefixes, String key) {
        for (String p : prefixes) {
            if (covers(p, key)) {
                return true;
            }
        }
        return false;
    }

    /** The prefix without trailing slashes; {@code "/"} becomes {@code ""} (every key). */
    public static String normalize(String prefix) {
        int end = prefix.length();
        while (end > 0 && prefix.charAt(end - 1) == '/') {
            end--;
        }
        return prefix.substring(0, end);
    }

    /**
     * The keys strictly below {@code prefix} (normalized, not empty) as a view of {@code all}:
     * the range {@code [prefix/, prefix0)}, since {@code '0'} is the character after {@code '/'}.
     */
    public static <V> NavigableMap<String, V> below(NavigableMap<String, V> all, String prefix) {
        return all.subMap(prefix + "/", true, prefix + "0", false);
    }

    /**
     * A copy of the entries of {@code all} covered by any of {@code prefixes}, read through range
     * views so that a narrow prefix over a large map costs little.
     */
    public static NavigableMap<String, String> select(NavigableMap<String, String> all, Collection<String> prefixes) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String prefix : prefixes) {
            String p = normalize(prefix);
            if (p.isEmpty()) {
                out.putAll(all);
                return out;
            }
            // into an empty map a sorted range is copied in linear time, with no rebalancing
            out.putAll(below(all, p));
            String exact = all.get(p);
            if (exact != null) {
                out.put(p, exact);
            }
        }
        return out;
    }
}
