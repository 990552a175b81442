package org.confdsl.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

import org.confdsl.store.internal.AtomicFiles;
import org.confdsl.store.internal.ChangeFeed;
import org.confdsl.store.internal.FileChanges;
import org.confdsl.store.internal.FileWatcher;
import org.confdsl.store.internal.KeyDiff;
import org.confdsl.store.internal.KeyFileFormat;
import org.confdsl.store.internal.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys from a YAML or JSON file, the embedded default store, flattened as confd's file backend
 * does: nested maps become {@code /a/b}, list items {@code /a/0}, {@code /a/1}; a map key with
 * {@code /} splits into segments. Scalars keep the text as written ({@code 8080}, {@code yes},
 * {@code 010}, {@code 1.50}, {@code ~} stay exactly that), an empty value is {@code ""}. A
 * {@code .json} file is read and written as JSON, anything else as YAML.
 *
 * <p>Revisions: the first load is revision 1; every later change of the file's keys is one more
 * revision, however many keys it touches. An edit that changes no key (a comment, the layout)
 * is not a revision.
 *
 * <p>A file that turns malformed or disappears is logged once (WARN) and the last good keys stay
 * in use, for {@link #snapshot} and for watches, until the file is good again.
 *
 * <p>Watching starts one daemon thread per store on the first {@link #watch}: it reacts to
 * directory events within tens of milliseconds and polls every {@link #DEFAULT_POLL_INTERVAL}
 * where such events are not available. Events are delivered on a separate short-lived thread.
 * Thread-safe.
 */
public final class FileStore implements MutableKeyValueStore {

    /** How often the file is checked when the operating system does not report changes. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    /** How many events are kept for watches that start from an older revision. */
    public static final int HISTORY_LIMIT = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);

    private final Path file;
    private final KeyFileFormat format;
    private final Duration pollInterval;
    private final boolean useWatchService;
    private final ChangeFeed feed;
    private final Object lock = new Object();
    /** The keys in file order, so that a write keeps the layout of the maps. */
    private Map<String, String> ordered = new LinkedHashMap<>();
    private NavigableMap<String, String> keys = new TreeMap<>();
    private long revision;
    private final FileChanges changes;
    private String problem;
    private FileWatcher watcher;
    private boolean closed;

    /**
     * Opens {@code file} and reads it once, polling every {@link #DEFAULT_POLL_INTERVAL} when watched.
     *
     * @throws StoreException when the file is missing, unreadable or malformed (the message names
     *     the file, and the line and column of a syntax error)
     */
    public static FileStore open(Path file) {
        return new FileStore(file, DEFAULT_POLL_INTERVAL, true);
    }

    /** Like {@link #open(Path)} with another poll interval for when directory events are unavailable. */
    public static FileStore open(Path file, Duration pollInterval) {
        return new FileStore(file, pollInterval, true);
    }

    FileStore(Path file, Duration pollInterval, boolean useWatchService) {
        this.file = file.toAbsolutePath();
        this.format = KeyFileFormat.of(file);
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.useWatchService = useWatchService;
        this.feed = new ChangeFeed(describe(), HISTORY_LIMIT);
        this.changes = new FileChanges(this.file);
        synchronized (lock) {
            loadFirst();
        }
    }

    /** The file, absolute. */
    public Path path() {
        return file;
    }

    /** The revision of the keys in use. */
    public long revision() {
        synchronized (lock) {
            return revision;
        }
    }

    /**
     * Reads the file again if it changed, then returns the keys under {@code prefixes}. When the
     * file is malformed or missing now, returns the last good keys.
     */
    @Override
    public Snapshot snapshot(Collection<String> prefixes) {
        synchronized (lock) {
            ensureOpen();
            refresh(true);
            return new Snapshot(revision, KeyPrefix.select(keys, prefixes));
        }
    }

    /**
     * Replays retained changes after {@code afterRevision} (revision 1 is the first load, as PUT
     * events), then follows the file. Starts the watcher thread on the first call.
     */
    @Override
    public Watch watch(Collection<String> prefixes, long afterRevision, WatchListener listener) {
        synchronized (lock) {
            ensureOpen();
            if (watcher == null) {
                watcher = new FileWatcher(file, pollInterval, useWatchService, this::check);
                watcher.start();
            }
            // After the watcher is registered: a change before this read is in it, a later one raises an event.
            refresh(true);
            return feed.subscribe(prefixes, afterRevision, listener);
        }
    }

    /**
     * Sets {@code key} and rewrites the file atomically (temp file, fsync, rename) in its own
     * format, as nested maps in the order of the file (new keys last). Comments and formatting are
     * not preserved; lists stay lists.
     *
     * @return the new revision, or the current one if the key already had this value
     * @throws IllegalArgumentException when the key is not {@code /segment/...}
     * @throws StoreException when the file is malformed now, cannot be written, or {@code key}
     *     would need a value and a map at one place (e.g. {@code /a} holds a value and {@code /a/b} is put)
     */
    @Override
    public long put(String key, String value) {
        Keys.requireNestable(key);
        Objects.requireNonNull(value, "value");
        synchronized (lock) {
            prepareWrite();
            if (value.equals(keys.get(key))) {
                return revision;
            }
            Map<String, String> next = new LinkedHashMap<>(ordered);
            next.put(key, value);
            return write(next);
        }
    }

    /**
     * Removes {@code key} and rewrites the file like {@link #put}. Maps left empty stay in the file.
     *
     * @return the new revision, or the current one if the key did not exist
     */
    @Override
    public long delete(String key) {
        Keys.requireValid(key);
        synchronized (lock) {
            prepareWrite();
            if (!keys.containsKey(key)) {
                return revision;
            }
            Map<String, String> next = new LinkedHashMap<>(ordered);
            next.remove(key);
            return write(next);
        }
    }

    /**
     * Removes {@code prefix} and every key below it, in one rewrite of the file (one revision).
     *
     * @return the new revision, or the current one if no key was covered
     */
    @Override
    public long deletePrefix(String prefix) {
        Keys.requireValid(prefix);
        synchronized (lock) {
            prepareWrite();
            Map<String, String> next = new LinkedHashMap<>(ordered);
            if (!next.keySet().removeIf(k -> KeyPrefix.covers(prefix, k))) {
                return revision;
            }
            return write(next);
        }
    }

    @Override
    public String describe() {
        return "file " + file;
    }

    /** Stops the watcher thread and ends every watch. */
    @Override
    public void close() {
        FileWatcher running;
        synchronized (lock) {
            closed = true;
            running = watcher;
            watcher = null;
            feed.close();
        }
        // Outside the lock: the watcher thread may be waiting for it in check().
        if (running != null) {
            running.close();
        }
    }

    private void check(boolean force) {
        synchronized (lock) {
            if (!closed) {
                refresh(force);
            }
        }
    }

    private void loadFirst() {
        byte[] content;
        try {
            content = changes.read(true).orElseThrow();
        } catch (NoSuchFileException e) {
            throw new StoreException("key file not found: " + file
                    + "; create it (a YAML or JSON map of keys) or fix the path", e);
        } catch (IOException e) {
            throw new StoreException("cannot read key file " + file + ": " + e, e);
        }
        try {
            ordered = format.parse(new String(content, StandardCharsets.UTF_8), file.toString());
        } catch (StoreException e) {
            throw new StoreException(e.getMessage() + "; fix the file and try again", e);
        }
        keys = new TreeMap<>(ordered);
        revision = 1;
        feed.publish(KeyDiff.between(new TreeMap<>(), keys, revision));
    }

    /** Re-reads the file when it changed; always reads the bytes when {@code force}. */
    private void refresh(boolean force) {
        try {
            changes.read(force).ifPresent(this::accept);
        } catch (IOException e) {
            problem(file + (e instanceof NoSuchFileException ? " is gone" : " cannot be read (" + e + ")"));
        }
    }

    private void accept(byte[] content) {
        Map<String, String> next;
        try {
            next = format.parse(new String(content, StandardCharsets.UTF_8), file.toString());
        } catch (StoreException e) {
            problem(e.getMessage());
            return;
        }
        if (problem != null) {
            LOG.info("{} is readable again", file);
            problem = null;
        }
        ordered = next;
        List<WatchEvent> events = KeyDiff.between(keys, next, revision + 1);
        if (!events.isEmpty()) {
            revision++;
            keys = new TreeMap<>(next);
            feed.publish(events);
            LOG.info("{}: revision {} ({} keys changed)", file, revision, events.size());
        }
    }

    private void problem(String message) {
        if (!message.equals(problem)) {
            LOG.warn("{}; keeping the keys of revision {} until the file is fixed", message, revision);
        }
        problem = message;
    }

    private void prepareWrite() {
        ensureOpen();
        refresh(true);
        if (problem != null) {
            throw new StoreException("cannot change " + file + " while it is unusable: " + problem
                    + "; fix the file first");
        }
    }

    private long write(Map<String, String> next) {
        byte[] content = format.render(next);
        try {
            Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
            AtomicFiles.replace(target, content);
        } catch (IOException e) {
            throw new StoreException("cannot write key file " + file + ": " + e, e);
        }
        changes.seen(content);
        accept(content);
        return revision;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(describe() + " is closed; open it again");
        }
    }
}
