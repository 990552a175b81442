package org.confdsl.store.etcd;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.lease.LeaseKeepAliveResponse;
import io.etcd.jetcd.support.CloseableClient;
import io.grpc.stub.StreamObserver;
import io.etcd.jetcd.options.PutOption;
import org.confdsl.store.Lease;
import org.confdsl.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An etcd lease that renews itself every third of its TTL over one long-lived LeaseKeepAlive
 * stream (jetcd's {@code keepAlive}: a message on an open stream per renewal, not a new gRPC
 * stream each time; issue 12, idle CPU). A check on the store's scheduler, every third of the
 * TTL and without a call to etcd while renewals are answered, re-opens the stream on whichever
 * client the store holds now (the store swaps clients after an outage); when renewals went
 * unanswered it renews once by hand, and when etcd forgot the lease (an outage longer than the
 * TTL) it is granted again and every key it holds is put back, so a daemon's status reappears
 * by itself. {@link #stop()} ends renewal without revoking: what a process that dies does, and
 * what {@code EtcdStore.close()} does.
 */
public final class EtcdLease implements Lease {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdLease.class);

    private final Supplier<Client> client;
    private final EtcdConnector connector;
    private final long ttlSeconds;
    private final Map<String, String> held = new LinkedHashMap<>();
    private final ScheduledFuture<?> renewal;
    private final long periodMillis;
    private KeepAliveStream stream;
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
        this.periodMillis = Math.max(200, ttl.toMillis() / 3);
        synchronized (this) {
            grant();
            openStream();
        }
        this.renewal = scheduler.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
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
            openStream();
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
        closeStream();
    }

    /**
     * Every third of the TTL: nothing to do while the stream on the current client answers;
     * otherwise one renewal by hand (which notices a forgotten lease) and a new stream.
     */
    private synchronized void check() {
        if (stopped) {
            return;
        }
        KeepAliveStream s = stream;
        boolean answered = s != null && s.client == client.get() && s.answeredWithin(2 * periodMillis + 1000);
        if (answered) {
            if (warned) {
                LOG.info("status lease renewed again");
                warned = false;
            }
            return;
        }
        if (renew()) {
            openStream();
        }
    }

    /** One renewal by hand; true when the lease is renewed (or granted again). */
    private boolean renew() {
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
            return true;
        } catch (StoreException e) {
            if (isLeaseGone(e)) {
                try {
                    grant();
                    rewriteAll();
                    return true;
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
        return false;
    }

    /** A keep-alive stream for the current lease on the current client, replacing the previous one. */
    private void openStream() {
        closeStream();
        Client c = client.get();
        KeepAliveStream s = new KeepAliveStream(c);
        s.handle = c.getLeaseClient().keepAlive(id, s);
        stream = s;
    }

    private void closeStream() {
        KeepAliveStream s = stream;
        stream = null;
        if (s != null && s.handle != null) {
            try {
                s.handle.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a lease keep-alive stream: {}", e.toString());
            }
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

    /**
     * jetcd's keep-alive for one lease on one client: renews every third of the TTL on its own
     * stream and reports each answer here. It keeps retrying after a stream error; it ends
     * (onCompleted, or onError for a forgotten lease) when no answer came for a whole TTL.
     */
    private static final class KeepAliveStream implements StreamObserver<LeaseKeepAliveResponse> {
        final Client client;
        volatile CloseableClient handle;
        private volatile long answeredAt = System.nanoTime();
        private volatile boolean ended;

        KeepAliveStream(Client client) {
            this.client = client;
        }

        boolean answeredWithin(long millis) {
            return !ended && System.nanoTime() - answeredAt < TimeUnit.MILLISECONDS.toNanos(millis);
        }

        @Override
        public void onNext(LeaseKeepAliveResponse response) {
            if (response.getTTL() > 0) {
                answeredAt = System.nanoTime();
            } else {
                ended = true;
            }
        }

        @Override
        public void onError(Throwable t) {
            LOG.debug("lease keep-alive stream: {}", t.toString());
            if (t.getMessage() != null && t.getMessage().contains("lease not found")) {
                ended = true;
            }
        }

        @Override
        public void onCompleted() {
            ended = true;
        }
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
