package org.confdsl.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.confdsl.store.KeyValueStore;
import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.Snapshot;
import org.confdsl.store.StoreException;

/**
 * The hosts that serve resources, independent of whether their daemons are alive: a daemon
 * registers once per start (one write, no lease), an operator forgets a host that is gone for
 * good. Membership is not liveness: a registered host whose daemon is silent is still expected,
 * because its nginx keeps routing with whatever config it last loaded.
 */
public final class HostRegistry {

    private final KeyValueStore store;

    public HostRegistry(KeyValueStore store) {
        this.store = store;
    }

    /**
     * Registers {@code record} (replacing what the host registered before).
     *
     * @return the revision of the write
     * @throws StoreException when the store cannot be written
     */
    public long register(HostRecord record) {
        return writable().put(record.key(), record.toJson());
    }

    /** Registers {@code host} as serving {@code resources} of {@code script}, now. */
    public long register(String host, List<String> resources, String script, String user) {
        return register(new HostRecord(host, resources, script, Instant.now(), user));
    }

    /**
     * Forgets {@code host}: it is no longer expected to confirm anything.
     *
     * @return whether it was registered
     */
    public boolean forget(String host) {
        StatusEntry.checkHost(host);
        boolean known = find(host).isPresent();
        if (known) {
            writable().delete(HostRecord.key(host));
        }
        return known;
    }

    /** The registered host of that name. */
    public Optional<HostRecord> find(String host) {
        String key = HostRecord.key(host);
        Snapshot s = store.snapshot(List.of(key));
        return Optional.ofNullable(s.entries().get(key)).flatMap(v -> HostRecord.parse(key, v));
    }

    /** Every registered host, sorted by name. */
    public List<HostRecord> hosts() {
        List<HostRecord> out = new ArrayList<>();
        store.snapshot(List.of(HostRecord.PREFIX)).entries().forEach((k, v) -> HostRecord.parse(k, v).ifPresent(out::add));
        return out;
    }

    private MutableKeyValueStore writable() {
        if (!(store instanceof MutableKeyValueStore m)) {
            throw new StoreException(store.describe() + " cannot be written: host registration needs an etcd store");
        }
        return m;
    }
}
