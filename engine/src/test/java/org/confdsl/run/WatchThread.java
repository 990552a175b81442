package org.confdsl.run;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.function.Consumer;

import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;

/** {@link Engine#watch} on its own thread for a test; closing interrupts it and checks that it stopped. */
final class WatchThread implements AutoCloseable {

    private final Thread thread;

    private WatchThread(Thread thread) {
        this.thread = thread;
    }

    static WatchThread start(Engine engine, SyncOptions options, Consumer<SyncResult> results) {
        Thread t = new Thread(() -> {
            try {
                engine.watch(options, results, Duration.ofMinutes(10));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "watch-under-test");
        t.start();
        return new WatchThread(t);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertFalse(thread.isAlive(), "the watch loop stops when interrupted");
    }
}
