package org.confdsl.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * Every {@link #beatEvery()} it rewrites its entries with a fresh heartbeat, so a reader can tell a
 * daemon that stopped reporting (frozen, partitioned) from one that has nothing new to say.
 * A failed publish is logged and never stops the daemon; the next pass or beat publishes again.
 */
public final class StatusPublisher implements Consumer<SyncResult>, AutoCloseable {

    /** How long a dead daemon's entries outlive it. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private final String host;
    private final String user;
    private final Duration beatEvery;
    private final Lease lease;
    private final Map<String, Long> applied = new HashMap<>();
    private final Map<String, StatusEntry> last = new LinkedHashMap<>();
    private final ScheduledExecutorService heart;
    private boolean warned;

    /** A publisher without an etcd user name. */
    public StatusPublisher(MutableKeyValueStore store, String host, Duration ttl) {
        this(store, host, ttl, "");
    }

    /**
     * Takes a lease on {@code store} and starts beating every third of {@code ttl} (at least every second).
     *
     * @param host this daemon's name, see {@link StatusEntry#checkHost}
     * @param user the etcd user the store writes as, named in every entry; empty for none
     * @throws StoreException when the store has no leases or cannot grant one
     */
    public StatusPublisher(MutableKeyValueStore store, String host, Duration ttl, String user) {
        this.host = StatusEntry.checkHost(host);
        this.user = user;
        this.beatEvery = beatEvery(ttl);
        this.lease = store.lease(ttl);
        this.heart = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "confdsl-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heart.scheduleWithFixedDelay(this::beat, beatEvery.toMillis(), beatEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A third of the lease's TTL, so that three missed beats fit in it; at least one second. */
    public static Duration beatEvery(Duration ttl) {
        Duration third = ttl.dividedBy(3);
        return third.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : third;
    }

    /** The daemon's name. */
    public String host() {
        return host;
    }

    /** How often the entries are rewritten with a new heartbeat. */
    public Duration beatEvery() {
        return beatEvery;
    }

    @Override
    public synchronized void accept(SyncResult result) {
        boolean success = result.outcome() == Outcome.UPDATED || result.outcome() == Outcome.IN_SYNC;
        if (success) {
            applied.merge(result.resource(), result.revision(), Math::max);
        }
        Instant now = Instant.now();
        StatusEntry entry = new StatusEntry(host, result.resource(), result.revision(),
                applied.getOrDefault(result.resource(), 0L), result.outcome(), now, result.message(), now, beatEvery, user);
        last.put(entry.resource(), entry);
        publish(entry);
    }

    private synchronized void beat() {
        Instant now = Instant.now();
        for (StatusEntry e : new ArrayList<>(last.values())) {
            StatusEntry beaten = e.beatAt(now);
            last.put(e.resource(), beaten);
            publish(beaten);
        }
    }

    private void publish(StatusEntry entry) {
        try {
            lease.put(entry.key(), entry.toJson());
            if (warned) {
                LOG.info("status of {} published again", entry.resource());
            }
            warned = false;
        } catch (StoreException e) {
            if (!warned) {
                LOG.warn("cannot publish the status of {}: {}", entry.resource(), e.getMessage());
                warned = true;
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot publish the status of {}: {}", entry.resource(), e.toString());
        }
    }

    /** The entries this daemon last published. */
    public synchronized List<StatusEntry> published() {
        return List.copyOf(last.values());
    }

    /** Stops the heartbeat and removes this daemon's entries now. */
    @Override
    public void close() {
        heart.shutdownNow();
        try {
            heart.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lease.close();
    }
}
