package org.confdsl.store.etcd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import org.confdsl.store.PrefixSet;
import org.confdsl.store.StoreException;
import org.confdsl.store.WatchEvent;
import org.confdsl.store.WatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One confdsl watch over etcd: a single jetcd watch on the range covering every prefix (so etcd
 * sends its events in revision order), filtered to the keys the prefixes cover.
 *
 * <p>The watch remembers the last revision it delivered and, whenever its stream breaks, starts
 * a new one from the next revision itself: jetcd's own resume restarts from the revision of the
 * last "created" answer, which can skip events, and never notices a wiped etcd. Every answer is
 * checked: an etcd behind the delivered revision, another cluster ID or an older raft term
 * means the history does not continue, and the listener hears {@link WatchListener#onResync}
 * once, as it does for a compacted history. After that the watch is finished.
 *
 * <p>All state lives on the store's single delivery thread, which also calls the listener.
 */
public final class EtcdWatch implements org.confdsl.store.Watch {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdWatch.class);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long LAST_RETRY_MILLIS = 2_000;

    private final List<String> prefixes;
    private final PrefixSet covered;
    private final KeyRanges.Range range;
    private final WatchListener listener;
    private final ScheduledExecutorService delivery;
    private final ClusterGuard guard;
    private final Supplier<Client> client;
    private final BooleanSupplier reachable;
    private final Runnable broken;
    private final Runnable onEnd;
    private final String where;

    private long lastRevision;
    private int generation;
    private Watch.Watcher watcher;
    private long retryMillis = FIRST_RETRY_MILLIS;
    private boolean failing;
    private boolean finished;
    private volatile boolean closed;

    /**
     * A watch that starts after {@code afterRevision}; call {@link #start()} once.
     *
     * @param client the store's current client
     * @param reachable whether the store's monitor sees etcd; while not, the watch waits for {@link #reconnect}
     * @param broken called when the stream breaks (not for compaction), so the monitor probes at once
     * @param onEnd called once when the watch finishes (closed or resynced), to forget it
     */
    public EtcdWatch(Collection<String> prefixes, long afterRevision, WatchListener listener, ScheduledExecutorService delivery,
            ClusterGuard guard, Supplier<Client> client, BooleanSupplier reachable, Runnable broken, Runnable onEnd, String where) {
        this.prefixes = List.copyOf(prefixes);
        this.covered = PrefixSet.of(this.prefixes);
        this.range = KeyRanges.covering(prefixes);
        this.listener = listener;
        this.delivery = delivery;
        this.guard = guard;
        this.client = client;
        this.reachable = reachable;
        this.broken = broken;
        this.onEnd = onEnd;
        this.where = where;
        this.lastRevision = afterRevision;
    }

    /** Starts watching on the store's current client. */
    public void start() {
        run(() -> connect(client.get(), false));
    }

    /** Follows again on {@code fresh} (a new client after an outage), from the next undelivered revision. */
    public void reconnect(Client fresh) {
        // The store verified the fresh client; its monitor reports "up" only after this call.
        run(() -> connect(fresh, true));
    }

    /** Ends the watch with {@link WatchListener#onResync} saying {@code why}. */
    public void abandon(String why) {
        run(() -> {
            if (!finished) {
                resync(why);
            }
        });
    }

    /** Stops the events; the listener is not called after this returns, except for a call already running. */
    @Override
    public void close() {
        closed = true;
        try {
            delivery.execute(this::finish);
        } catch (RejectedExecutionException storeClosed) {
            // The store is closing and closes the client under this watch.
        }
    }

    private void run(Runnable task) {
        try {
            delivery.execute(task);
        } catch (RejectedExecutionException storeClosed) {
            closed = true;
        }
    }

    private void connect(Client c, boolean verified) {
        if (finished || closed) {
            return;
        }
        int gen = ++generation;
        closeWatcher();
        if (!verified && !reachable.getAsBoolean()) {
            return;
        }
        WatchOption option = WatchOption.builder()
                .withRange(range.end().orElseThrow())
                .withRevision(lastRevision + 1)
                .withCreateNotify(true)
                .build();
        try {
            watcher = c.getWatchClient().watch(range.key(), option, Watch.listener(
                    r -> run(() -> onResponse(gen, r)),
                    t -> run(() -> onBroken(gen, t)),
                    () -> run(() -> onBroken(gen, null))));
        } catch (RuntimeException e) {
            onBroken(gen, e);
        }
    }

    private void onResponse(int gen, WatchResponse r) {
        if (gen != generation || finished || closed) {
            return;
        }
        if (failing) {
            LOG.debug("etcd watch on {} follows again from revision {}", where, lastRevision + 1);
        }
        failing = false;
        retryMillis = FIRST_RETRY_MILLIS;
        Optional<String> replaced = guard.observe(r.getHeader());
        if (replaced.isPresent()) {
            resync(replaced.get() + "; re-read the keys");
            return;
        }
        long current = r.getHeader().getRevision();
        if (current > 0 && current < lastRevision) {
            resync("etcd at " + where + " is at revision " + current + ", behind revision " + lastRevision
                    + " this watch had reached: it was wiped or restored; re-read the keys");
            return;
        }
        long floor = lastRevision;
        List<org.confdsl.store.WatchEvent> out = new ArrayList<>();
        for (io.etcd.jetcd.watch.WatchEvent e : r.getEvents()) {
            KeyValue kv = e.getKeyValue();
            long revision = kv.getModRevision();
            // Several events share a revision in a transaction, so compare with the revision before this answer.
            if (revision <= floor) {
                continue;
            }
            lastRevision = Math.max(lastRevision, revision);
            String key = kv.getKey().toString(StandardCharsets.UTF_8);
            if (!covered.covers(key)) {
                continue;
            }
            out.add(e.getEventType() == io.etcd.jetcd.watch.WatchEvent.EventType.DELETE
                    ? org.confdsl.store.WatchEvent.delete(key, revision)
                    : org.confdsl.store.WatchEvent.put(key, kv.getValue().toString(StandardCharsets.UTF_8), revision));
        }
        if (!out.isEmpty()) {
            try {
                listener.onEvents(out);
            } catch (RuntimeException e) {
                LOG.warn("watch listener failed on {} events up to revision {}: {}", out.size(), lastRevision, e.toString());
            }
        }
    }

    private void onBroken(int gen, Throwable t) {
        if (gen != generation || finished || closed) {
            return;
        }
        closeWatcher();
        if (t instanceof CompactedException c) {
            resync("etcd at " + where + " compacted its history at revision " + c.getCompactedRevision()
                    + ", past revision " + lastRevision + " this watch had reached; re-read the keys");
            return;
        }
        // An outage is reported once by the store's monitor; a single broken stream is routine.
        broken.run();
        if (!failing) {
            LOG.debug("etcd watch on {} broke ({}); following again from revision {}", where,
                    t == null ? "stream ended" : t.getMessage(), lastRevision + 1);
        }
        failing = true;
        long delay = retryMillis;
        retryMillis = Math.min(retryMillis * 2, LAST_RETRY_MILLIS);
        try {
            delivery.schedule(() -> {
                if (gen == generation) {
                    connect(client.get(), false);
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException storeClosed) {
            closed = true;
        }
    }

    private void resync(String why) {
        finish();
        if (closed) {
            return;
        }
        try {
            listener.onResync(new StoreException(why));
        } catch (RuntimeException e) {
            LOG.warn("watch listener failed on a resync: {}", e.toString());
        }
    }

    private void finish() {
        if (!finished) {
            finished = true;
            generation++;
            closeWatcher();
            onEnd.run();
        }
    }

    private void closeWatcher() {
        if (watcher != null) {
            Watch.Watcher w = watcher;
            watcher = null;
            try {
                w.close();
            } catch (RuntimeException e) {
                LOG.debug("closing an etcd watcher failed: {}", e.toString());
            }
        }
    }
}
