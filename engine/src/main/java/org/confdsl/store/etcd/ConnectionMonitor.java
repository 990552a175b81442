package org.confdsl.store.etcd;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches whether etcd can be reached, because jetcd cannot say so quickly: after an outage
 * gRPC's reconnect back-off grows to 120 s, so a client could stay blind for minutes after etcd
 * is back. One thread tries a TCP connection to the endpoints (cheap: no TLS, no auth, no gRPC):
 * every {@link #DEFAULT_INTERVAL} while etcd is unreachable or {@linkplain #suspect() suspected},
 * but only every {@link #IDLE_INTERVAL} while all is well, so that an idle daemon is idle (a
 * broken watch stream, which is also what a gRPC keepalive that times out causes, calls
 * {@link #suspect()}, which probes at once). Losing every endpoint is logged once at WARN (an etcd that is down from the start is left to
 * whoever reads it: a one-shot run fails, a daemon retries); when one answers again, {@code onBack} is asked to reconnect (it returns false to be asked again on
 * the next tick, e.g. while etcd accepts connections but does not serve yet), and its success
 * is logged once at INFO.
 */
public final class ConnectionMonitor implements AutoCloseable {

    /** How often the endpoints are probed while etcd is unreachable or suspected. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);
    /** How often the endpoints are probed while etcd answers and nothing looks wrong. */
    public static final Duration IDLE_INTERVAL = Duration.ofSeconds(5);
    /** How long after a {@link #suspect()} the fast probing goes on although etcd answers. */
    private static final long SUSPECT_NANOS = Duration.ofSeconds(2).toNanos();

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);

    private final List<URI> endpoints;
    private final String described;
    private final int probeTimeoutMillis;
    private final BooleanSupplier onBack;
    private final ScheduledExecutorService timer;
    private volatile boolean up;
    private volatile String lastProblem = "not probed yet";
    private volatile long suspectedUntil;
    private ScheduledFuture<?> next;

    /**
     * Probes once now (so {@link #isUp()} is known when this returns) and then on a timer.
     *
     * @param onBack reconnects after an outage; returns whether that worked
     */
    public ConnectionMonitor(List<URI> endpoints, String described, Duration probeTimeout, String threadName, BooleanSupplier onBack) {
        this.endpoints = List.copyOf(endpoints);
        this.described = described;
        this.probeTimeoutMillis = (int) Math.max(50, Math.min(probeTimeout.toMillis(), DEFAULT_INTERVAL.toMillis() * 4));
        this.onBack = onBack;
        // Not logged when down at start: the first read fails and its caller says what it does next
        // (a one-shot run exits, a daemon retries); this monitor only reports a change.
        this.suspectedUntil = System.nanoTime();
        this.up = probe();
        this.timer = Executors.newSingleThreadScheduledExecutor(EtcdConnector.daemonThreads(threadName));
        schedule(up ? IDLE_INTERVAL.toMillis() : DEFAULT_INTERVAL.toMillis());
    }

    /**
     * Something went wrong talking to etcd (a watch stream broke): probe now,
     * and every {@link #DEFAULT_INTERVAL} for a while, instead of waiting for the idle tick.
     */
    public void suspect() {
        suspectedUntil = System.nanoTime() + SUSPECT_NANOS;
        schedule(0);
    }

    /** Whether an endpoint answered the last probe and, after an outage, the store reconnected. */
    public boolean isUp() {
        return up;
    }

    /** How the last failed probe failed, for messages. */
    public String lastProblem() {
        return lastProblem;
    }

    /** Stops the probe thread. */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Replaces the pending tick with one in {@code delayMillis}. */
    private synchronized void schedule(long delayMillis) {
        if (next != null) {
            next.cancel(false);
        }
        try {
            next = timer.schedule(this::tick, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            next = null;
        }
    }

    private void tick() {
        try {
            probeOnce();
        } finally {
            boolean calm = up && System.nanoTime() - suspectedUntil > 0;
            schedule(calm ? IDLE_INTERVAL.toMillis() : DEFAULT_INTERVAL.toMillis());
        }
    }

    private void probeOnce() {
        try {
            boolean reachable = probe();
            if (up && !reachable) {
                up = false;
                LOG.warn("etcd unreachable: {} ({}); will keep trying every {} ms", described, lastProblem, DEFAULT_INTERVAL.toMillis());
            } else if (!up && reachable) {
                if (onBack.getAsBoolean()) {
                    up = true;
                    LOG.info("etcd back: {}", described);
                }
            }
        } catch (RuntimeException e) {
            // The timer must survive whatever a reconnect throws; the next tick tries again.
            LOG.warn("etcd reconnect to {} failed: {}", described, e.getMessage());
        }
    }

    private boolean probe() {
        for (URI uri : endpoints) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), probeTimeoutMillis);
                return true;
            } catch (IOException e) {
                lastProblem = uri.getHost() + ":" + uri.getPort() + ": " + e.getMessage();
            }
        }
        return false;
    }
}
