package org.confdsl.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.confdsl.store.KeyValueStore;
import org.confdsl.store.Snapshot;
import org.confdsl.store.StoreException;
import org.confdsl.store.Watch;
import org.confdsl.store.WatchEvent;
import org.confdsl.store.WatchListener;

/**
 * Waits until every live watch daemon serving a resource reports it applied at a revision, from
 * the {@link StatusEntry status entries} in the store: one read, then a watch of the status
 * prefix, so the wait ends as soon as the last daemon publishes. Live means: its entry exists
 * (it sits on the daemon's lease). The wait fails at once when a daemon reports that it rejected
 * that revision, and at the timeout naming the daemons that lag, or saying that none serves it.
 */
public final class AppliedAwaiter {

    private final KeyValueStore store;

    public AppliedAwaiter(KeyValueStore store) {
        this.store = store;
    }

    /** Every daemon's entries now, sorted by host then resource. */
    public List<StatusEntry> statuses() {
        Snapshot s = store.snapshot(List.of(StatusEntry.PREFIX));
        List<StatusEntry> entries = new ArrayList<>();
        s.entries().forEach((k, v) -> StatusEntry.parse(k, v).ifPresent(entries::add));
        return entries;
    }

    /**
     * Waits for {@code resource} at {@code revision}.
     *
     * @return the entries of the daemons that applied it
     * @throws NotAppliedException when a daemon rejected it, or at the timeout
     * @throws StoreException when the store cannot be read
     */
    public List<StatusEntry> await(String resource, long revision, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Snapshot first = store.snapshot(List.of(StatusEntry.PREFIX));
        Tracker tracker = new Tracker(first.entries());
        Optional<List<StatusEntry>> done = tracker.check(resource, revision);
        if (done.isPresent()) {
            return done.get();
        }
        Watch watch = store.watch(List.of(StatusEntry.PREFIX), first.revision(), tracker);
        try {
            while (true) {
                done = tracker.awaitChange(resource, revision, deadline);
                if (done.isPresent()) {
                    return done.get();
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new NotAppliedException(tracker.lagging(resource, revision, timeout));
                }
            }
        } finally {
            watch.close();
        }
    }

    /** The status entries as they change, and a condition to wait on. */
    private static final class Tracker implements WatchListener {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final Map<String, String> entries;
        private StoreException broken;

        Tracker(Map<String, String> initial) {
            this.entries = new TreeMap<>(initial);
        }

        Optional<List<StatusEntry>> awaitChange(String resource, long revision, long deadline) throws InterruptedException {
            lock.lock();
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)));
                }
                if (broken != null) {
                    throw broken;
                }
                return check(resource, revision);
            } finally {
                lock.unlock();
            }
        }

        Optional<List<StatusEntry>> check(String resource, long revision) {
            lock.lock();
            try {
                List<StatusEntry> serving = serving(resource);
                for (StatusEntry e : serving) {
                    if (e.rejected(revision)) {
                        throw new NotAppliedException("'" + resource + "' was not applied at revision " + revision + ": "
                                + e.host() + " reports " + e.outcome() + " at revision " + e.revision()
                                + (e.message().isEmpty() ? "" : " (" + e.message() + ")")
                                + "; it keeps its previous config (revision " + e.applied() + ")");
                    }
                }
                if (!serving.isEmpty() && serving.stream().allMatch(e -> e.hasApplied(revision))) {
                    return Optional.of(serving);
                }
                return Optional.empty();
            } finally {
                lock.unlock();
            }
        }

        String lagging(String resource, long revision, Duration timeout) {
            lock.lock();
            try {
                List<StatusEntry> serving = serving(resource);
                if (serving.isEmpty()) {
                    return "no confdsl daemon serves '" + resource + "' (nothing under " + StatusEntry.PREFIX + "/*/" + resource
                            + " after " + timeout.toSeconds() + "s): start 'confdsl run SCRIPT --watch' with this script's store on each host";
                }
                return "'" + resource + "' not applied at revision " + revision + " after " + timeout.toSeconds() + "s; lagging: "
                        + serving.stream().filter(e -> !e.hasApplied(revision)).map(StatusEntry::describe)
                                .collect(Collectors.joining(", "));
            } finally {
                lock.unlock();
            }
        }

        private List<StatusEntry> serving(String resource) {
            List<StatusEntry> out = new ArrayList<>();
            entries.forEach((k, v) -> StatusEntry.parse(k, v).filter(e -> e.resource().equals(resource)).ifPresent(out::add));
            return out;
        }

        @Override
        public void onEvents(List<WatchEvent> events) {
            lock.lock();
            try {
                for (WatchEvent e : events) {
                    if (e.type() == WatchEvent.Type.PUT) {
                        entries.put(e.key(), e.value().orElseThrow());
                    } else {
                        entries.remove(e.key());
                    }
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onResync(StoreException cause) {
            lock.lock();
            try {
                broken = cause;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
