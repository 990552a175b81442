package org.confdsl.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.confdsl.store.KeyValueStore;
import org.confdsl.store.StoreException;
import org.confdsl.store.Watch;
import org.confdsl.store.WatchEvent;
import org.confdsl.store.WatchListener;

/**
 * Waits until the hosts serving a resource report it applied at a revision, from the
 * {@link StatusEntry status entries} in the store: one read, then a watch of the status and host
 * prefixes, so the wait ends as soon as the last daemon publishes. Which hosts must confirm, and
 * when one counts as lost, is {@link Membership}'s to say: the wait refuses to start while an
 * expected host is not live, and fails at once when a required host's entry vanishes or stops
 * beating, when a daemon rejects that revision, and at the timeout summarising who lags.
 */
public final class AppliedAwaiter {

    /** How many lagging hosts a timeout message names. */
    static final int NAMED = 10;

    private final KeyValueStore store;
    private final Membership rules;

    public AppliedAwaiter(KeyValueStore store) {
        this(store, Membership.standard());
    }

    public AppliedAwaiter(KeyValueStore store, Membership rules) {
        this.store = store;
        this.rules = rules;
    }

    /** Every daemon's entries now, sorted by host then resource. */
    public List<StatusEntry> statuses() {
        return Fleet.read(store).allEntries();
    }

    /**
     * Who serves {@code resource} now (one read), without waiting: what a drain checks before it changes anything.
     *
     * @throws NotAppliedException when nobody serves it or an expected host is not live
     */
    public Membership.Serving serving(String resource) {
        return rules.serving(Fleet.read(store), resource, Instant.now());
    }

    /** {@link #await(String, long, Duration, String)} saying that a lost host may run an older config. */
    public List<StatusEntry> await(String resource, long revision, Duration timeout) throws InterruptedException {
        return await(resource, revision, timeout, "it may still run a config older than revision " + revision);
    }

    /**
     * Waits for {@code resource} at {@code revision}.
     *
     * @param consequence what a lost host means, appended to its failure ("it may still send traffic to /cloud/upstream/a")
     * @return the entries of the hosts that applied it
     * @throws NotAppliedException when a host is not live, is lost or rejected it, or at the timeout
     * @throws StoreException when the store cannot be read
     */
    public List<StatusEntry> await(String resource, long revision, Duration timeout, String consequence) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Fleet first = Fleet.read(store);
        Membership.Serving serving = rules.serving(first, resource, Instant.now());
        Tracker tracker = new Tracker(first, resource, revision, serving, consequence);
        Optional<List<StatusEntry>> done = tracker.check();
        if (done.isPresent()) {
            return done.get();
        }
        Watch watch = store.watch(Fleet.PREFIXES, first.revision(), tracker);
        try {
            while (true) {
                done = tracker.awaitChange(deadline);
                if (done.isPresent()) {
                    return done.get();
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new NotAppliedException(tracker.lagging(timeout));
                }
            }
        } finally {
            watch.close();
        }
    }

    /** The fleet as it changes during one wait, and a condition to wait on. */
    private final class Tracker implements WatchListener {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final Fleet fleet;
        private final String resource;
        private final long revision;
        private final Membership.Serving serving;
        private final String consequence;
        private StoreException broken;

        Tracker(Fleet fleet, String resource, long revision, Membership.Serving serving, String consequence) {
            this.fleet = fleet;
            this.resource = resource;
            this.revision = revision;
            this.serving = serving;
            this.consequence = consequence;
        }

        Optional<List<StatusEntry>> awaitChange(long deadline) throws InterruptedException {
            lock.lock();
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    // wake at least every 500 ms: a host going stale sends no event
                    changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)));
                }
                if (broken != null) {
                    throw broken;
                }
                return check();
            } finally {
                lock.unlock();
            }
        }

        Optional<List<StatusEntry>> check() {
            lock.lock();
            try {
                Instant now = Instant.now();
                List<StatusEntry> counted = counted(now);
                for (StatusEntry e : counted) {
                    if (e.rejected(revision)) {
                        throw new NotAppliedException("'" + resource + "' was not applied at revision " + revision + ": "
                                + e.host() + " reports " + e.outcome() + " at revision " + e.revision()
                                + (e.message().isEmpty() ? "" : " (" + e.message() + ")")
                                + "; it keeps its previous config (revision " + e.applied() + ")");
                    }
                }
                for (String host : serving.required()) {
                    Optional<String> lost = rules.lost(fleet, resource, host, now);
                    if (lost.isPresent()) {
                        throw new NotAppliedException("'" + resource + "' was not confirmed by " + host + ": " + lost.get() + "; " + consequence);
                    }
                }
                if (!counted.isEmpty() && counted.stream().allMatch(e -> e.hasApplied(revision))) {
                    return Optional.of(counted);
                }
                return Optional.empty();
            } finally {
                lock.unlock();
            }
        }

        /** The entries that count: every beating host's, but not those the operator allowed to be missing. */
        private List<StatusEntry> counted(Instant now) {
            List<StatusEntry> out = new ArrayList<>();
            for (StatusEntry e : fleet.entries(resource).values()) {
                if (!rules.allowMissing().contains(e.host()) && (serving.required().contains(e.host()) || !e.staleAt(now))) {
                    out.add(e);
                }
            }
            return out;
        }

        String lagging(Duration timeout) {
            lock.lock();
            try {
                List<StatusEntry> all = counted(Instant.now());
                List<StatusEntry> lag = all.stream().filter(e -> !e.hasApplied(revision)).toList();
                String names = lag.stream().limit(NAMED).map(StatusEntry::describe).collect(Collectors.joining(", "));
                return "'" + resource + "' not applied at revision " + revision + " after " + timeout.toSeconds() + "s: "
                        + lag.size() + " of " + all.size() + " hosts lag: " + names + (lag.size() > NAMED ? ", … (first " + NAMED + ")" : "");
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onEvents(List<WatchEvent> events) {
            lock.lock();
            try {
                fleet.apply(events, Instant.now());
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
