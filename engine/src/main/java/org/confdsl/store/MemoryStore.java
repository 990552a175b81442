package org.confdsl.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

import org.confdsl.store.internal.ChangeFeed;
import org.confdsl.store.internal.Keys;

/**
 * Keys held in memory: for tests, examples and the shell. Every change is one revision (a
 * {@link #putAll} or {@link #deletePrefix} batch is one revision, like a transaction), starting
 * from 0 for an empty store or 1 for a seeded one.
 *
 * <p>Watches see every change under their prefixes exactly once and in revision order, on a
 * delivery thread that holds no store lock, so a listener may call the store. The last
 * {@link #DEFAULT_HISTORY_LIMIT} events are kept, so a watch can start from an earlier revision
 * (as after {@link #snapshot}); from before that, the listener gets
 * {@link WatchListener#onResync} saying the history was compacted. Thread-safe.
 */
public final class MemoryStore implements MutableKeyValueStore {

    /** How many events are kept for watches that start from an older revision. */
    public static final int DEFAULT_HISTORY_LIMIT = 10_000;

    private final Object lock = new Object();
    private final NavigableMap<String, String> entries = new TreeMap<>();
    /** The revision of each key's last put or delete (deleted keys stay: a delete is a change too). */
    private final NavigableMap<String, String> changed = new TreeMap<>();
    private final ChangeFeed feed;
    private long revision;
    private boolean closed;

    /** An empty store at revision 0. */
    public MemoryStore() {
        this(Map.of());
    }

    /**
     * A store holding {@code initial} at revision 1 (revision 0 when {@code initial} is empty).
     *
     * @throws IllegalArgumentException naming a key that does not start with {@code /}
     */
    public MemoryStore(Map<String, String> initial) {
        this(initial, DEFAULT_HISTORY_LIMIT);
    }

    MemoryStore(Map<String, String> initial, int historyLimit) {
        this.feed = new ChangeFeed("memory store", historyLimit);
        putAll(initial);
    }

    /** The current revision. */
    public long revision() {
        synchronized (lock) {
            return revision;
        }
    }

    /**
     * Sets {@code key} to {@code value}; even an unchanged value is a new revision, as in etcd.
     *
     * @return the new revision
     * @throws IllegalArgumentException naming the key when it does not start with {@code /}
     */
    @Override
    public long put(String key, String value) {
        return putAll(Map.of(Keys.requireValid(key), Objects.requireNonNull(value, "value")));
    }

    /**
     * Sets all of {@code batch} at one new revision. An empty batch changes nothing.
     *
     * @return the new revision, or the current one for an empty batch
     * @throws IllegalArgumentException naming the first key that does not start with {@code /}
     */
    public long putAll(Map<String, String> batch) {
        TreeMap<String, String> sorted = new TreeMap<>();
        batch.forEach((k, v) -> sorted.put(Keys.requireValid(k), Objects.requireNonNull(v, () -> "value of " + k)));
        synchronized (lock) {
            ensureOpen();
            if (sorted.isEmpty()) {
                return revision;
            }
            long next = revision + 1;
            List<WatchEvent> events = new ArrayList<>(sorted.size());
            sorted.forEach((k, v) -> events.add(WatchEvent.put(k, v, next)));
            entries.putAll(sorted);
            return commit(events);
        }
    }

    /**
     * Removes {@code key}.
     *
     * @return the new revision, or the current one when the key did not exist (nothing changes)
     * @throws IllegalArgumentException naming the key when it does not start with {@code /}
     */
    @Override
    public long delete(String key) {
        Keys.requireValid(key);
        synchronized (lock) {
            ensureOpen();
            if (!entries.containsKey(key)) {
                return revision;
            }
            entries.remove(key);
            return commit(List.of(WatchEvent.delete(key, revision + 1)));
        }
    }

    /**
     * Removes every key covered by {@code prefix} (key-boundary aware, see {@link KeyPrefix}) at one revision.
     *
     * @return the new revision, or the current one when no key was covered
     */
    @Override
    public long deletePrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        synchronized (lock) {
            ensureOpen();
            NavigableMap<String, String> doomed = KeyPrefix.select(entries, List.of(prefix));
            if (doomed.isEmpty()) {
                return revision;
            }
            List<WatchEvent> events = new ArrayList<>(doomed.size());
            for (String key : doomed.keySet()) {
                entries.remove(key);
                events.add(WatchEvent.delete(key, revision + 1));
            }
            return commit(events);
        }
    }

    /** The keys under {@code prefixes} at the current revision. */
    @Override
    public Snapshot snapshot(Collection<String> prefixes) {
        synchronized (lock) {
            ensureOpen();
            return new Snapshot(revision, KeyPrefix.select(entries, prefixes));
        }
    }

    /**
     * Replays retained changes after {@code afterRevision} in one call, then each later revision
     * in its own call. Use a snapshot's revision to miss nothing after it.
     */
    @Override
    public Watch watch(Collection<String> prefixes, long afterRevision, WatchListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            ensureOpen();
            return feed.subscribe(prefixes, afterRevision, listener);
        }
    }

    /** A lease whose keys are removed when it is closed; {@code ttl} does not matter in one process. */
    @Override
    public Lease lease(java.time.Duration ttl) {
        ensureOpenNow();
        return new MemoryLease(this);
    }

    private void ensureOpenNow() {
        synchronized (lock) {
            ensureOpen();
        }
    }

    @Override
    public String describe() {
        return "memory store";
    }

    /** Ends every watch and stops the delivery thread; later calls throw {@link StoreException}. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            feed.close();
        }
    }

    /** Exact: the newest put or delete under {@code prefixes}; 0 when none. */
    @Override
    public long lastChange(Collection<String> prefixes) {
        synchronized (lock) {
            ensureOpen();
            return KeyPrefix.select(changed, prefixes).values().stream().mapToLong(Long::parseLong).max().orElse(0);
        }
    }

    private long commit(List<WatchEvent> events) {
        events.forEach(e -> changed.put(e.key(), Long.toString(e.revision())));
        revision++;
        feed.publish(events);
        return revision;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("memory store is closed");
        }
    }
}
