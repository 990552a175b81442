package org.confdsl.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.confdsl.model.Durations;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.store.KeyPrefix;
import org.confdsl.store.KeyValueStore;
import org.confdsl.store.Snapshot;
import org.confdsl.store.StoreException;
import org.confdsl.store.Watch;
import org.confdsl.store.WatchEvent;
import org.confdsl.store.WatchListener;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watch mode: one watch over the union of every resource's prefixes; a change marks the
 * resources whose prefixes cover its key; a lone change renders at once, a burst once more when
 * it settles ({@link Bursts}, the resource's {@link ResourceModel#debounce()}). Every {@code reconcile} all resources are processed anyway, so a missed
 * signal heals; a failed resource is retried with a growing delay.
 */
final class WatchLoop implements WatchListener {

    private static final Logger LOG = LoggerFactory.getLogger(WatchLoop.class);

    private static final List<String> STATUS = List.of(StatusEntry.PREFIX);

    private final EngineModel model;
    private final KeyValueStore store;
    private final ResourcePass pass;
    private final SyncOptions options;
    private final Consumer<SyncResult> listener;
    private final Duration reconcile;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Bursts bursts = new Bursts();
    private final RetryDelays retryDelays = new RetryDelays();
    private final KeyMirror mirror = new KeyMirror();
    private final ResourcesByPrefix byPrefix;
    private final StoreTrouble trouble = new StoreTrouble();
    private boolean resyncNeeded;

    WatchLoop(EngineModel model, KeyValueStore store, ResourcePass pass, SyncOptions options,
            Consumer<SyncResult> listener, Duration reconcile) {
        this.model = model;
        this.store = store;
        this.pass = pass;
        this.options = options;
        this.listener = listener;
        this.reconcile = reconcile;
        this.byPrefix = new ResourcesByPrefix(model.resources());
    }

    /** Runs until the thread is interrupted. */
    void run() throws InterruptedException {
        List<String> prefixes = ResourcePass.prefixesOf(model.resources());
        boolean first = true;
        while (!Thread.currentThread().isInterrupted()) {
            long revision = processAll();
            if (!first) {
                LOG.info("resynced at revision {}", revision);
            }
            first = false;
            Watch watch = store.watch(prefixes, revision, this);
            try {
                LOG.debug("watching {} prefixes from revision {}", prefixes.size(), revision);
                followUntilResync();
            } finally {
                watch.close();
            }
        }
        throw new InterruptedException();
    }

    /** A fresh read of the store into the mirror, then a pass over every resource; the read's revision. */
    private long processAll() throws InterruptedException {
        while (true) {
            try {
                Snapshot snapshot = pass.snapshot(model.resources());
                trouble.readable(store.describe());
                pass.events().storeReadable(true);
                mirror.reset(snapshot);
                pass.run(model.resources(), snapshot, options, this::report);
                return snapshot.revision();
            } catch (StoreException e) {
                pass.events().storeReadable(false);
                trouble.failed(e, "retrying every " + Durations.format(RetryDelays.FIRST));
                TimeUnit.MILLISECONDS.sleep(RetryDelays.FIRST.toMillis());
            }
        }
    }

    private void followUntilResync() throws InterruptedException {
        long nextReconcile = System.nanoTime() + reconcile.toNanos();
        while (true) {
            List<ResourceModel> due;
            lock.lock();
            try {
                if (resyncNeeded) {
                    resyncNeeded = false;
                    bursts.clear();
                    return;
                }
                long now = System.nanoTime();
                java.util.Set<String> names = new java.util.HashSet<>(bursts.takeDue(now));
                due = model.resources().stream().filter(r -> names.contains(r.name())).toList();
                if (due.isEmpty() && now < nextReconcile) {
                    changed.awaitNanos(Math.min(nextReconcile, bursts.nextDue()) - now);
                    continue;
                }
            } finally {
                lock.unlock();
            }
            if (due.isEmpty()) {
                reconcileAll();
                nextReconcile = System.nanoTime() + reconcile.toNanos();
            } else {
                pass.run(due, mirror.snapshot(ResourcePass.prefixesOf(due)), options, this::report);
            }
        }
    }

    /** The periodic full pass: a fresh read heals anything a watch could have missed. */
    private void reconcileAll() {
        try {
            Snapshot snapshot = pass.snapshot(model.resources());
            trouble.readable(store.describe());
            pass.events().storeReadable(true);
            mirror.reset(snapshot);
            pass.run(model.resources(), snapshot, options, this::report);
        } catch (StoreException e) {
            pass.events().storeReadable(false);
            trouble.failed(e, "will retry");
            model.resources().forEach(r -> scheduleRetry(r.name()));
        }
    }

    private void report(SyncResult result) {
        listener.accept(result);
        if (result.outcome().isFailure()) {
            scheduleRetry(result.resource());
        } else {
            lock.lock();
            try {
                retryDelays.succeeded(result.resource());
                pass.events().retriesPending(retryDelays.waiting());
            } finally {
                lock.unlock();
            }
        }
    }

    private void scheduleRetry(String resource) {
        lock.lock();
        try {
            bursts.retryAt(resource, System.nanoTime() + retryDelays.failed(resource).toNanos());
            pass.events().retriesPending(retryDelays.waiting());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onEvents(List<WatchEvent> all) {
        // Daemons' own status entries change after every pass: a resource watching "/" must not
        // render again because of them, or each pass would cause the next.
        List<WatchEvent> events = all.stream().filter(e -> !KeyPrefix.coveredByAny(STATUS, e.key())).toList();
        if (events.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        pass.events().watchEvents(events.size());
        mirror.apply(events);
        lock.lock();
        try {
            java.util.Set<String> touched = byPrefix.of(events.stream().map(WatchEvent::key).toList());
            for (ResourceModel r : model.resources()) {
                if (touched.contains(r.name())) {
                    bursts.changed(r.name(), r.debounce(), now);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onResync(StoreException cause) {
        LOG.warn("{}; reading the store again", cause.getMessage());
        lock.lock();
        try {
            resyncNeeded = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
