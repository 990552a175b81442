package org.confdsl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits, through inotify, until a file holds a text; reads it only when its directory changed. */
final class FileAwaiter implements AutoCloseable {

    private final Path file;
    private final WatchService watcher;

    FileAwaiter(Path file) throws IOException {
        this.file = file;
        this.watcher = FileSystems.getDefault().newWatchService();
        file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    /**
     * Returns the nanoTime at which the file was seen holding {@code text}.
     *
     * @throws IllegalStateException when it does not within {@code timeout}
     */
    long await(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (holds(text)) {
                return System.nanoTime();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(file + " did not hold '" + text + "' within " + timeout);
            }
            WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        }
    }

    private boolean holds(String text) throws IOException {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(text);
        } catch (NoSuchFileException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
