package org.confdsl.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Many prefixes asked about many keys: {@link KeyPrefix#coveredByAny} in a few hash look-ups
 * (one per {@code /} in the key) instead of one comparison per prefix. A script with 1,000
 * resources reads and watches 1,000 prefixes; filtering 100,000 keys through them one by one
 * cost seconds.
 */
public final class PrefixSet {

    private final Set<String> prefixes = new HashSet<>();
    private final boolean all;

    private PrefixSet(Collection<String> prefixes) {
        boolean every = false;
        for (String p : prefixes) {
            String n = KeyPrefix.normalize(p);
            if (n.isEmpty()) {
                every = true;
            }
            this.prefixes.add(n);
        }
        this.all = every;
    }

    /** The set of {@code prefixes}, each normalized as {@link KeyPrefix#normalize} does. */
    public static PrefixSet of(Collection<String> prefixes) {
        return new PrefixSet(prefixes);
    }

    /** Exactly {@link KeyPrefix#coveredByAny}{@code (prefixes, key)}. */
    public boolean covers(String key) {
        if (all || prefixes.contains(key)) {
            return true;
        }
        // A prefix covers the key when it is the key up to (not including) one of its slashes.
        for (int slash = key.indexOf('/', 1); slash > 0; slash = key.indexOf('/', slash + 1)) {
            if (prefixes.contains(key.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }
}
