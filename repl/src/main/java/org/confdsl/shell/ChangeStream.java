package org.confdsl.shell;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.confdsl.store.KeyValueStore;
import org.confdsl.store.Snapshot;
import org.confdsl.store.StoreException;
import org.confdsl.store.Watch;
import org.confdsl.store.WatchEvent;
import org.confdsl.store.WatchListener;

/**
 * Prints the changes under a prefix as they happen, one line each, until the thread is
 * interrupted. The store's watch thread only queues; this thread prints, so a slow terminal never
 * blocks the store.
 */
final class ChangeStream {

    private final KeyValueStore store;
    private final PrintWriter out;
    private final Style style;

    ChangeStream(KeyValueStore store, PrintWriter out, Style style) {
        this.store = store;
        this.out = out;
        this.style = style;
    }

    /** Follows {@code prefix} until interrupted; then says so and returns. */
    void follow(String prefix) {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        WatchListener listener = new WatchListener() {
            @Override
            public void onEvents(List<WatchEvent> events) {
                queue.addAll(events);
            }

            @Override
            public void onResync(StoreException cause) {
                queue.add(cause);
            }
        };
        Snapshot start = store.snapshot(List.of(prefix));
        out.println("watching " + prefix + " from revision " + start.revision() + " (" + start.entries().size()
                + " keys); Ctrl-C to stop");
        out.flush();
        Watch watch = store.watch(List.of(prefix), start.revision(), listener);
        try {
            while (true) {
                Object item = queue.take();
                if (item instanceof WatchEvent e) {
                    out.println(line(e));
                } else {
                    // The watch lost track (compaction, a replaced file): start again from what is there now.
                    watch.close();
                    Snapshot now = store.snapshot(List.of(prefix));
                    out.println("(" + ((StoreException) item).getMessage() + "; following again from revision "
                            + now.revision() + ")");
                    watch = store.watch(List.of(prefix), now.revision(), listener);
                }
                out.flush();
            }
        } catch (InterruptedException stop) {
            out.println("stopped watching " + prefix);
            out.flush();
        } finally {
            watch.close();
        }
    }

    private String line(WatchEvent e) {
        if (e.type() == WatchEvent.Type.PUT) {
            return style.paint(Style.ADDED, "put") + " " + e.key() + " = " + oneLine(e.value().orElse(""))
                    + " (revision " + e.revision() + ")";
        }
        return style.paint(Style.REMOVED, "delete") + " " + e.key() + " (revision " + e.revision() + ")";
    }

    private static String oneLine(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
