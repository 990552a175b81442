package org.confdsl.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.confdsl.store.KeyValueStore;
import org.confdsl.store.StoreException;
import org.confdsl.store.WriteAccess;

/**
 * Checks at a daemon's start that its etcd user may write where the daemon {@code --host NAME}
 * writes: {@code /confdsl/status/NAME/} (and the membership keys under
 * {@code /confdsl/hosts/NAME/}). Without the grant the daemon would render and reload, and every
 * task waiting for it would time out; with a grant on {@code /confdsl/status/} instead, it could
 * speak for every other host. The message names the user and the key range to grant.
 */
public final class HostGrants {

    /** Where a daemon named NAME writes: each followed by NAME and a slash. */
    public static final List<String> HOST_PREFIXES = List.of(StatusEntry.PREFIX, "/confdsl/hosts");

    private static final String PROBE = ".confdsl-grant-check";

    private HostGrants() {
    }

    /** The key ranges (each a prefix ending in '/') a daemon named {@code host} writes. */
    public static List<String> ranges(String host) {
        return HOST_PREFIXES.stream().map(p -> p + "/" + host + "/").toList();
    }

    /**
     * Does nothing for a store without permissions; otherwise fails unless {@code user} may write
     * every range of {@link #ranges(String)}.
     *
     * @param user the store's user, for the message
     * @throws StoreException naming the user and the ranges to grant, with the etcdctl line that grants them
     */
    public static void check(KeyValueStore store, String host, Optional<String> user) {
        if (!(store instanceof WriteAccess access)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String range : ranges(host)) {
            if (!access.mayWrite(range + PROBE)) {
                missing.add(range);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String who = user.map(u -> "etcd user '" + u + "'").orElse("this etcd client (no user)");
        StringBuilder grant = new StringBuilder();
        for (String range : missing) {
            grant.append(grant.length() == 0 ? "" : "; ").append("etcdctl role grant-permission ROLE --prefix=true readwrite ").append(range);
        }
        throw new StoreException(who + " may not write " + String.join(" and ", missing) + ", where the daemon --host " + host
                + " publishes what it applied: grant a role of that user readwrite on exactly that prefix, trailing slash included ("
                + grant + "), or start the daemon with the --host its grant is for; see Permissions in the README");
    }
}
