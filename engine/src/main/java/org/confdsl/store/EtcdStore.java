package org.confdsl.store;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.Response;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import org.confdsl.model.StoreModel;
import org.confdsl.store.etcd.ClusterGuard;
import org.confdsl.store.etcd.ConnectionMonitor;
import org.confdsl.store.etcd.EtcdConnector;
import org.confdsl.store.etcd.EtcdErrors;
import org.confdsl.store.etcd.EtcdLease;
import org.confdsl.store.etcd.EtcdWatch;
import org.confdsl.store.etcd.KeyRanges;
import org.confdsl.store.etcd.SnapshotReader;
import org.confdsl.store.internal.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys in etcd (API v3, one endpoint or a cluster), through jetcd.
 *
 * <p>{@link #snapshot} reads every prefix at one revision, linearizably: one transaction in the common case, pages at that revision for many prefixes or keys ({@link SnapshotReader}).
 * Prefixes are key-boundary aware: {@code /app} never reads, watches or deletes {@code /apple}.
 * Each read or write waits at most the model's request timeout and fails with a
 * {@link StoreException} that names the endpoints and what to check (unreachable, wrong
 * password, untrusted certificate).
 *
 * <p>{@link #watch} delivers every change under its prefixes exactly once, in revision order,
 * on the store's delivery thread ({@code confdsl-etcd-events-N}). A broken stream is resumed
 * from the next undelivered revision, so an outage loses nothing. The listener gets
 * {@link WatchListener#onResync} once when the history cannot be followed: compacted past the
 * watch, etcd wiped or restored (its revision or raft term went back), or another cluster at the
 * endpoints.
 *
 * <p>Outages: a thread ({@code confdsl-etcd-monitor-N}) probes the endpoints every
 * {@link ConnectionMonitor#DEFAULT_INTERVAL} while etcd is unreachable or a watch stream just
 * broke, every {@link ConnectionMonitor#IDLE_INTERVAL} otherwise, logs "etcd unreachable" once at WARN and
 * "etcd back" once at INFO. While etcd is unreachable {@link #snapshot} and writes fail at once;
 * when it returns the store opens a fresh client (gRPC's own reconnect back-off reaches 120 s)
 * and resumes every watch on it, typically within a few hundred milliseconds. The store opens
 * even when etcd is down at start. Thread-safe.
 */
public final class EtcdStore implements MutableKeyValueStore, WriteAccess {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdStore.class);
    private static final AtomicInteger STORES = new AtomicInteger();
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(1);

    private final EtcdConnector connector;
    private final StoreModel.Etcd model;
    private final ClusterGuard guard;
    private final SnapshotReader reader;
    private final AtomicReference<EtcdConnector.Connection> connection;
    private final ScheduledThreadPoolExecutor delivery;
    private final Set<EtcdWatch> watches = ConcurrentHashMap.newKeySet();
    private final Set<EtcdLease> leases = ConcurrentHashMap.newKeySet();
    private final ConnectionMonitor monitor;
    private volatile boolean closed;

    private EtcdStore(EtcdConnector connector) {
        this.connector = connector;
        this.model = connector.model();
        this.guard = new ClusterGuard(String.join(",", model.endpoints()));
        this.reader = new SnapshotReader(connector, guard, this::resyncAll);
        this.connection = new AtomicReference<>(connector.connect());
        int n = STORES.incrementAndGet();
        this.delivery = new ScheduledThreadPoolExecutor(1, daemon("confdsl-etcd-events-" + n));
        // Pending watch retries must not hold up close().
        delivery.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.monitor = new ConnectionMonitor(connector.endpoints(), model.describe(), model.connectTimeout(),
                "confdsl-etcd-monitor-" + n + "-", this::reconnect);
    }

    /**
     * Opens a store for {@code model}. Nothing is read yet; etcd may be down (the store keeps
     * probing it). The password is read from its source now.
     *
     * @throws StoreException when an endpoint is malformed, a TLS file is unreadable, or the
     *     password's source (environment variable, file) cannot be read; the message names it
     */
    public static EtcdStore open(StoreModel.Etcd model) {
        return new EtcdStore(new EtcdConnector(model));
    }

    /**
     * The keys under {@code prefixes} at one revision.
     *
     * @throws StoreException at once while etcd is unreachable, or when the read fails or takes
     *     longer than the request timeout
     */
    @Override
    public Snapshot snapshot(Collection<String> prefixes) {
        return reader.read(client(), prefixes);
    }

    /** The newest mod revision of a key under {@code prefixes} (see {@link LastChange}: deletes leave none). */
    @Override
    public long lastChange(Collection<String> prefixes) {
        return org.confdsl.store.etcd.LastChange.of(client(), connector, prefixes);
    }

    /**
     * Calls {@code listener} for each change under {@code prefixes} after {@code afterRevision}
     * (use the revision of a {@link #snapshot}); starts in the background, also while etcd is down.
     *
     * @throws StoreException when the store is closed
     * @throws IllegalArgumentException when {@code prefixes} is empty
     */
    @Override
    public Watch watch(Collection<String> prefixes, long afterRevision, WatchListener listener) {
        ensureOpen();
        EtcdWatch[] self = new EtcdWatch[1];
        EtcdWatch watch = new EtcdWatch(prefixes, afterRevision, listener, delivery, guard,
                () -> connection.get().client(), monitor::isUp, monitor::suspect, () -> watches.remove(self[0]), String.join(",", model.endpoints()));
        self[0] = watch;
        watches.add(watch);
        watch.start();
        return watch;
    }

    /** Sets {@code key} to {@code value}; returns the revision of the change. */
    @Override
    public long put(String key, String value) {
        Keys.requireValid(key);
        Client c = client();
        return revision(EtcdErrors.await(c.getKVClient().put(KeyRanges.bytes(key), KeyRanges.bytes(value)), connector,
                "writing etcd").getHeader());
    }

    /**
     * Sets every key of {@code batch} in one transaction: one revision, seen together by every read and watch.
     *
     * @return the revision of the change, or the current revision for an empty batch
     */
    public long putAll(Map<String, String> batch) {
        batch.keySet().forEach(Keys::requireValid);
        Client c = client();
        Op[] puts = batch.entrySet().stream()
                .map(e -> Op.put(KeyRanges.bytes(e.getKey()), KeyRanges.bytes(e.getValue()), PutOption.DEFAULT))
                .toArray(Op[]::new);
        return revision(EtcdErrors.await(c.getKVClient().txn().Then(puts).commit(), connector, "writing etcd").getHeader());
    }

    /**
     * Whether the user may write {@code key}: a transaction whose only put sits in the branch that
     * never runs (no comparison, so the empty success branch runs). etcd checks the permissions of
     * both branches, so a denied key is refused while nothing is ever written.
     */
    @Override
    public boolean mayWrite(String key) {
        Keys.requireValid(key);
        Client c = client();
        try {
            EtcdErrors.await(c.getKVClient().txn().Else(Op.put(KeyRanges.bytes(key), KeyRanges.bytes(""), PutOption.DEFAULT)).commit(),
                    connector, "checking the permission to write " + key + " in etcd");
            return true;
        } catch (StoreException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("permission denied")) {
                    return false;
                }
            }
            throw e;
        }
    }

    /** Removes {@code key}; returns the revision after the call (unchanged when the key did not exist). */
    @Override
    public long delete(String key) {
        Keys.requireValid(key);
        Client c = client();
        return revision(EtcdErrors.await(c.getKVClient().delete(KeyRanges.bytes(key)), connector, "deleting in etcd").getHeader());
    }

    /** Removes {@code prefix} and the keys below it, never {@code /apple} for {@code /app}, in one transaction. */
    @Override
    public long deletePrefix(String prefix) {
        Client c = client();
        Op[] deletes = KeyRanges.of(List.of(prefix)).stream().map(KeyRanges.Range::delete).toArray(Op[]::new);
        return revision(EtcdErrors.await(c.getKVClient().txn().Then(deletes).commit(), connector, "deleting in etcd").getHeader());
    }

    /**
     * A lease that renews itself every third of {@code ttl} while this store is open; see
     * {@link EtcdLease}. Closing the store stops renewal without revoking, as a dying process would.
     *
     * @throws StoreException when etcd cannot grant it
     */
    @Override
    public Lease lease(Duration ttl) {
        ensureOpen();
        EtcdLease lease = new EtcdLease(this::client, connector, ttl, delivery);
        leases.add(lease);
        return lease;
    }

    /** {@code etcd ENDPOINTS (user U)}, without secrets. */
    @Override
    public String describe() {
        return model.describe();
    }

    /** Ends every watch, the monitor and delivery threads, and the client with its threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        monitor.close();
        leases.forEach(EtcdLease::stop);
        watches.forEach(EtcdWatch::close);
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(2, TimeUnit.SECONDS)) {
                delivery.shutdownNow();
            }
        } catch (InterruptedException e) {
            delivery.shutdownNow();
            Thread.currentThread().interrupt();
        }
        connection.get().close();
    }

    private Client client() {
        ensureOpen();
        if (!monitor.isUp()) {
            throw EtcdErrors.unreachable(model, monitor.lastProblem());
        }
        return connection.get().client();
    }

    /** On the monitor's thread, when an endpoint answers again: a fresh client, checked, then every watch moves to it. */
    private boolean reconnect() {
        if (closed) {
            return false;
        }
        EtcdConnector.Connection fresh = connector.connect();
        try {
            fresh.client().getKVClient().get(KeyRanges.bytes("/"), GetOption.builder().withCountOnly(true).build())
                    .get(VERIFY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fresh.close();
            return false;
        } catch (InterruptedException e) {
            fresh.close();
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            StoreException why = EtcdErrors.translate(e.getCause(), connector, "reconnecting to etcd");
            if (why.getMessage().startsWith("etcd unreachable")) {
                fresh.close();
                return false;
            }
            // Reachable but refusing (password, certificate): retrying cannot help; reads will report it.
            LOG.warn("{}", why.getMessage());
        }
        if (closed) {
            fresh.close();
            return false;
        }
        EtcdConnector.Connection old = connection.getAndSet(fresh);
        watches.forEach(w -> w.reconnect(fresh.client()));
        old.close();
        return true;
    }

    private void resyncAll(String why) {
        LOG.warn("{}", why);
        // The guard has now learnt the new identity, so the watches would not notice it themselves.
        watches.forEach(w -> w.abandon(why + "; re-read the keys"));
    }

    private static long revision(Response.Header header) {
        return header.getRevision();
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(describe() + " is closed");
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
