package org.confdsl.store.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that a file may have changed, on one daemon thread: a {@link WatchService} on the
 * parent directory reacts within milliseconds, and a poll every {@code pollInterval} catches
 * what it misses (no inotify, network file systems, a watch service that gave up).
 *
 * <p>Directory events count when they name the file (an editor's write, or its rename of a
 * temp file over it) or a {@code ..}-prefixed entry (Kubernetes swaps a {@code ..data} symlink
 * when a ConfigMap changes). The check callback decides whether anything really changed.
 */
public final class FileWatcher implements AutoCloseable {

    /** The thread-name prefix, for tests that check nothing is left running. */
    public static final String THREAD_PREFIX = "confdsl-file-watcher-";

    private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Editors write in several steps; waiting for a short quiet spell avoids parsing half a file. */
    private static final long SETTLE_MILLIS = 20;
    private static final long MAX_SETTLE_MILLIS = 200;

    /** What the watcher calls; {@code force} asks to read the file even if size and mtime look unchanged. */
    @FunctionalInterface
    public interface Check {
        void run(boolean force);
    }

    private final Path file;
    private final long pollMillis;
    private final boolean useWatchService;
    private final Check check;
    private final Thread thread;
    private volatile boolean closed;
    private volatile WatchService service;

    /**
     * @param file the watched file
     * @param pollInterval how often to poll when nothing is heard
     * @param useWatchService false for poll only
     * @param check called from the watcher thread when the file may have changed
     */
    public FileWatcher(Path file, Duration pollInterval, boolean useWatchService, Check check) {
        this.file = file.toAbsolutePath();
        this.pollMillis = Math.max(1, pollInterval.toMillis());
        this.useWatchService = useWatchService;
        this.check = check;
        this.thread = new Thread(this::loop, THREAD_PREFIX + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    /**
     * Registers for directory events, then starts the thread. Registration happens here, not on
     * the thread, so that a caller who reads the file after {@code start()} cannot miss a change.
     */
    public void start() {
        if (useWatchService) {
            service = register();
        }
        thread.start();
    }

    /** Stops the thread and waits briefly for it to end. */
    @Override
    public void close() {
        closed = true;
        closeService();
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        long polls = 0;
        while (!closed) {
            try {
                if (service == null && useWatchService) {
                    service = register();
                }
                WatchKey key = service == null ? sleep() : service.poll(pollMillis, TimeUnit.MILLISECONDS);
                if (key == null) {
                    // Every fifth poll reads the file even if size and mtime agree: coarse mtimes can hide a rewrite.
                    check.run(++polls % 5 == 0);
                } else if (relevant(key)) {
                    settle();
                    check.run(true);
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                if (!closed) {
                    closeService();
                }
            } catch (RuntimeException e) {
                LOG.warn("watching {} failed; retrying", file, e);
            }
        }
    }

    private WatchService register() {
        try {
            WatchService ws = FileSystems.getDefault().newWatchService();
            file.getParent().register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            return ws;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot watch {} for changes ({}); polling every {} ms", file.getParent(), e, pollMillis);
            return null;
        }
    }

    private WatchKey sleep() throws InterruptedException {
        Thread.sleep(pollMillis);
        return null;
    }

    private boolean relevant(WatchKey key) {
        boolean relevant = false;
        String name = file.getFileName().toString();
        for (WatchEvent<?> event : key.pollEvents()) {
            Object context = event.context();
            String changed = context == null ? "" : context.toString();
            relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW || changed.equals(name)
                    || changed.startsWith("..") || Files.isSymbolicLink(file);
        }
        if (!key.reset()) {
            // The directory went away; poll until it is back, then register again.
            closeService();
            relevant = true;
        }
        return relevant;
    }

    private void settle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_SETTLE_MILLIS);
        WatchService ws = service;
        while (ws != null && System.nanoTime() < deadline) {
            WatchKey more = ws.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            if (more == null) {
                return;
            }
            more.pollEvents();
            if (!more.reset()) {
                closeService();
                return;
            }
        }
    }

    private void closeService() {
        WatchService ws = service;
        service = null;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service of {}: {}", file, e.toString());
            }
        }
    }
}
