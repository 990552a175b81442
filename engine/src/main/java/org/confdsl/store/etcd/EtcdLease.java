package org.confdsl.store.etcd;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.PutOption;
import org.confdsl.store.Lease;
import org.confdsl.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An etcd lease that renews itself every third of its TTL on the store's scheduler, through
 * whichever client the store holds now (the store swaps clients after an outage). When etcd
 * forgot the lease (an outage longer than the TTL), it is granted again and every key it holds
 * is put back, so a daemon's status reappears by itself. {@link #stop()} ends renewal without
 * revoking: what a process that dies does, and what {@code EtcdStore.close()} does.
 */
public final class EtcdLease implements Lease {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdLease.class);

    private final Supplier<Client> client;
    private final EtcdConnector connector;
    private final long ttlSeconds;
    private final Map<String, String> held = new LinkedHashMap<>();
    private final ScheduledFuture<?> renewal;
    private long id;
    private boolean stopped;
    private boolean warned;

    /**
     * Grants the lease and starts renewing it.
     *
     * @param ttl how long etcd keeps the keys after the last renewal; at least one second
     * @throws StoreException when etcd cannot grant it
     */
    public EtcdLease(Supplier<Client> client, EtcdConnector connector, Duration ttl, ScheduledExecutorService scheduler) {
        this.client = client;
        this.connector = connector;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        synchronized (this) {
            grant();
        }
        long period = Math.max(200, ttl.toMillis() / 3);
        this.renewal = scheduler.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void put(String key, String value) {
        if (stopped) {
            throw new StoreException("the etcd lease is closed");
        }
        held.put(key, value);
        try {
            write(key, value);
        } catch (StoreException e) {
            if (!isLeaseGone(e)) {
                throw e;
            }
            grant();
            rewriteAll();
        }
    }

    /** Ends renewal and removes every held key now (best effort: a down etcd expires them after the TTL). */
    @Override
    public void close() {
        long revoke;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stop();
            revoke = id;
        }
        try {
            EtcdErrors.await(client.get().getLeaseClient().revoke(revoke), connector, "revoking an etcd lease");
        } catch (StoreException e) {
            LOG.debug("lease not revoked; it expires in {} s: {}", ttlSeconds, e.getMessage());
        }
    }

    /** Ends renewal without revoking: the keys expire after the TTL, as when the process dies. */
    public synchronized void stop() {
        stopped = true;
        renewal.cancel(false);
    }

    private synchronized void renew() {
        if (stopped) {
            return;
        }
        try {
            long ttl = EtcdErrors.await(client.get().getLeaseClient().keepAliveOnce(id), connector, "renewing an etcd lease").getTTL();
            if (ttl <= 0) {
                grant();
                rewriteAll();
            }
            if (warned) {
                LOG.info("status lease renewed again");
                warned = false;
            }
        } catch (StoreException e) {
            if (isLeaseGone(e)) {
                try {
                    grant();
                    rewriteAll();
                    return;
                } catch (StoreException again) {
                    e = again;
                }
            }
            if (!warned) {
                LOG.warn("cannot renew the status lease (retrying): {}", e.getMessage());
                warned = true;
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot renew the status lease (retrying): {}", e.toString());
        }
    }

    private void grant() {
        id = EtcdErrors.await(client.get().getLeaseClient().grant(ttlSeconds), connector, "granting an etcd lease").getID();
    }

    private void rewriteAll() {
        for (Map.Entry<String, String> e : held.entrySet()) {
            write(e.getKey(), e.getValue());
        }
    }

    private void write(String key, String value) {
        EtcdErrors.await(client.get().getKVClient().put(KeyRanges.bytes(key), KeyRanges.bytes(value),
                PutOption.builder().withLeaseId(id).build()), connector, "writing etcd");
    }

    private static boolean isLeaseGone(StoreException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("lease not found")) {
                return true;
            }
        }
        return false;
    }
}
