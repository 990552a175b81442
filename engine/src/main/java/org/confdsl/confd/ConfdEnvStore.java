package org.confdsl.confd;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.confdsl.store.KeyValueStore;
import org.confdsl.store.Snapshot;
import org.confdsl.store.Watch;
import org.confdsl.store.WatchListener;

/**
 * confd's env backend ({@code -backend env}): the key {@code /cloud/upstream} is read from
 * environment variables whose names start with {@code CLOUD_UPSTREAM}, and a variable
 * {@code CLOUD_UPSTREAM_A} is seen as the key {@code /cloud/upstream/a}. The environment does not
 * change under a running process, so a watch never reports anything (as confd's).
 */
public final class ConfdEnvStore implements KeyValueStore {

    private final Map<String, String> environment;

    /** @param environment the variables, usually {@code System.getenv()} */
    public ConfdEnvStore(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Snapshot snapshot(Collection<String> prefixes) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String prefix : prefixes) {
            String name = transform(prefix);
            environment.forEach((k, v) -> {
                if (k.startsWith(name)) {
                    out.put(clean(k), v);
                }
            });
        }
        return new Snapshot(1, out);
    }

    /** confd's {@code transform}: {@code /a/b} to {@code A_B}. */
    static String transform(String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        return k.replace('/', '_').toUpperCase(Locale.ROOT);
    }

    /** confd's {@code clean}: {@code A_B} to {@code /a/b}. */
    static String clean(String name) {
        return ("/" + name).toLowerCase(Locale.ROOT).replace('_', '/');
    }

    @Override
    public Watch watch(Collection<String> prefixes, long afterRevision, WatchListener listener) {
        return () -> { };
    }

    @Override
    public String describe() {
        return "env";
    }

}
