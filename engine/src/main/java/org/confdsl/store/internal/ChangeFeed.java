package org.confdsl.store.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.confdsl.store.KeyPrefix;
import org.confdsl.store.StoreException;
import org.confdsl.store.Watch;
import org.confdsl.store.WatchEvent;
import org.confdsl.store.WatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store's change history and its watchers. The store publishes each revision's events while
 * holding its own lock, so publication order is revision order; delivery happens later on one
 * delivery thread per feed, which holds no lock, so a listener may call back into the store.
 *
 * <p>The delivery thread starts with the first event to deliver and ends after a second of
 * idleness, so a store nobody watches has no thread. Pending events of a slow listener queue up
 * in memory.
 */
public final class ChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** The thread-name prefix of delivery threads, for tests that check nothing is left running. */
    public static final String THREAD_PREFIX = "confdsl-store-watch-";

    private final String storeName;
    private final int historyLimit;
    private final ArrayDeque<WatchEvent> history = new ArrayDeque<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final ThreadPoolExecutor delivery;
    private long compactedThrough;
    private boolean closed;

    /**
     * @param storeName names the store in log lines and thread names
     * @param historyLimit how many events to keep for replay; whole revisions are dropped beyond it
     */
    public ChangeFeed(String storeName, int historyLimit) {
        this.storeName = storeName;
        this.historyLimit = historyLimit;
        this.delivery = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, THREAD_PREFIX + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        delivery.allowCoreThreadTimeOut(true);
    }

    /**
     * Records one revision's events and hands them to every watcher whose prefixes cover them.
     * The caller holds the store's lock and publishes revisions in increasing order.
     */
    public synchronized void publish(List<WatchEvent> events) {
        if (events.isEmpty() || closed) {
            return;
        }
        history.addAll(events);
        while (history.size() > historyLimit) {
            compactedThrough = history.removeFirst().revision();
        }
        // Never keep half a revision: a replay must show a change whole or not at all.
        while (!history.isEmpty() && history.peekFirst().revision() == compactedThrough) {
            history.removeFirst();
        }
        for (Subscription s : subscriptions) {
            s.offer(events);
        }
    }

    /**
     * Starts a watch: first the retained events after {@code afterRevision} (one call), then every
     * later revision (one call each). The caller holds the store's lock, so no revision slips
     * between the replay and the live events.
     *
     * <p>When events after {@code afterRevision} were already dropped, the listener gets
     * {@link WatchListener#onResync} once, with a message saying so, and the watch ends.
     */
    public synchronized Watch subscribe(Collection<String> prefixes, long afterRevision, WatchListener listener) {
        if (closed) {
            throw new StoreException(storeName + " is closed; open it again to watch");
        }
        Subscription s = new Subscription(List.copyOf(prefixes), afterRevision, listener);
        if (afterRevision < compactedThrough) {
            StoreException cause = new StoreException(storeName + ": history before revision " + (compactedThrough + 1)
                    + " was compacted, cannot watch after revision " + afterRevision
                    + "; read a new snapshot and watch from its revision");
            execute(() -> listener.onResync(cause));
            return () -> { };
        }
        s.offer(List.copyOf(history));
        subscriptions.add(s);
        return () -> remove(s);
    }

    /** Ends every watch; events not yet delivered are dropped, and the delivery thread stops. */
    public synchronized void close() {
        closed = true;
        subscriptions.forEach(s -> s.closed = true);
        subscriptions.clear();
        delivery.shutdown();
    }

    private synchronized void remove(Subscription s) {
        s.closed = true;
        subscriptions.remove(s);
    }

    private void execute(Runnable task) {
        try {
            delivery.execute(task);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: the watch is over, nothing to deliver
        }
    }

    private final class Subscription {
        private final List<String> prefixes;
        private final long afterRevision;
        private final WatchListener listener;
        private volatile boolean closed;

        Subscription(List<String> prefixes, long afterRevision, WatchListener listener) {
            this.prefixes = prefixes;
            this.afterRevision = afterRevision;
            this.listener = listener;
        }

        void offer(Collection<WatchEvent> events) {
            List<WatchEvent> covered = new ArrayList<>();
            for (WatchEvent e : events) {
                if (e.revision() > afterRevision && KeyPrefix.coveredByAny(prefixes, e.key())) {
                    covered.add(e);
                }
            }
            if (!covered.isEmpty()) {
                List<WatchEvent> batch = List.copyOf(covered);
                execute(() -> deliver(batch));
            }
        }

        private void deliver(List<WatchEvent> batch) {
            if (closed) {
                return;
            }
            try {
                listener.onEvents(batch);
            } catch (RuntimeException e) {
                LOG.warn("{}: a watch listener failed on revision {}; the watch goes on", storeName,
                        batch.get(batch.size() - 1).revision(), e);
            }
        }
    }
}
