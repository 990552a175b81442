package org.confdsl.run;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.confdsl.store.Lease;
import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.StoreException;
import org.confdsl.sync.Outcome;
import org.confdsl.sync.SyncResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what a watch daemon did with each resource as a {@link StatusEntry}, on a lease, so
 * that tasks in other processes can wait for it and the entry disappears when the daemon dies.
 * A failed publish is logged and never stops the daemon; the next pass publishes again.
 */
public final class StatusPublisher implements Consumer<SyncResult>, AutoCloseable {

    /** How long a dead daemon's entries outlive it. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private final String host;
    private final Lease lease;
    private final Map<String, Long> applied = new HashMap<>();
    private boolean warned;

    /**
     * Takes a lease on {@code store}.
     *
     * @param host this daemon's name, see {@link StatusEntry#checkHost}
     * @throws StoreException when the store has no leases or cannot grant one
     */
    public StatusPublisher(MutableKeyValueStore store, String host, Duration ttl) {
        this.host = StatusEntry.checkHost(host);
        this.lease = store.lease(ttl);
    }

    /** The daemon's name. */
    public String host() {
        return host;
    }

    @Override
    public synchronized void accept(SyncResult result) {
        boolean success = result.outcome() == Outcome.UPDATED || result.outcome() == Outcome.IN_SYNC;
        if (success) {
            applied.merge(result.resource(), result.revision(), Math::max);
        }
        StatusEntry entry = new StatusEntry(host, result.resource(), result.revision(),
                applied.getOrDefault(result.resource(), 0L), result.outcome(), Instant.now(), result.message());
        try {
            lease.put(entry.key(), entry.toJson());
            warned = false;
        } catch (StoreException e) {
            if (!warned) {
                LOG.warn("cannot publish the status of {}: {}", result.resource(), e.getMessage());
                warned = true;
            }
        }
    }

    /** Removes this daemon's entries now. */
    @Override
    public void close() {
        lease.close();
    }
}
