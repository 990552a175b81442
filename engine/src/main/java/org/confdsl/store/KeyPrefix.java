package org.confdsl.store;

import java.util.Collection;

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
}
