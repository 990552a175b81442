package org.confdsl.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.confdsl.store.internal.ChangeFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MemoryStore store = new MemoryStore(Map.of(
            "/app", "root", "/app/port", "8080", "/app/db/host", "db1", "/apple", "fruit", "/other/x", "1"));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void snapshotRespectsKeyBoundaries() {
        Snapshot s = store.snapshot(List.of("/app"));
        assertEquals(Map.of("/app", "root", "/app/port", "8080", "/app/db/host", "db1"), s.entries());
        assertEquals(1, s.revision());
        assertEquals(Set.of("/apple"), store.snapshot(List.of("/apple/")).entries().keySet());
        assertEquals(5, store.snapshot(List.of("/")).entries().size());
    }

    @Test
    void snapshotOfSeveralPrefixesIsOneRead() {
        Snapshot s = store.snapshot(List.of("/app/db", "/other"));
        assertEquals(Map.of("/app/db/host", "db1", "/other/x", "1"), s.entries());
        assertTrue(store.snapshot(List.of()).entries().isEmpty());
    }

    @Test
    void everyChangeIsOneRevision() {
        assertEquals(0, new MemoryStore().revision());
        assertEquals(2, store.put("/a", "1"));
        assertEquals(3, store.put("/a", "1"));
        assertEquals(4, store.delete("/a"));
        assertEquals(4, store.delete("/a"), "deleting a missing key changes nothing");
        assertEquals(5, store.putAll(Map.of("/b/1", "x", "/b/2", "y")));
        assertEquals(5, store.putAll(Map.of()));
        assertEquals(6, store.deletePrefix("/app"));
        assertEquals(Set.of("/apple", "/b/1", "/b/2", "/other/x"), store.snapshot(List.of("/")).entries().keySet());
        assertEquals(6, store.deletePrefix("/nothing"));
        assertEquals(6, store.revision());
    }

    @Test
    void badKeysAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.put("app/x", "1"));
        assertTrue(e.getMessage().contains("'app/x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MemoryStore(Map.of("nope", "1")));
        assertThrows(IllegalArgumentException.class, () -> store.delete(""));
        assertEquals(1, store.revision(), "a rejected batch changes nothing");
    }

    @Test
    void watchSeesOnlyCoveredChangesInOrder() {
        RecordingListener l = new RecordingListener();
        store.watch(List.of("/app"), store.revision(), l);
        store.put("/apple", "pear");
        store.put("/app/port", "9090");
        store.putAll(Map.of("/app/a", "1", "/other/y", "2", "/app/b", "2"));
        store.delete("/app/port");
        await().atMost(WAIT).until(() -> l.events().size() == 4);
        assertEquals(List.of(
                List.of(WatchEvent.put("/app/port", "9090", 3)),
                List.of(WatchEvent.put("/app/a", "1", 4), WatchEvent.put("/app/b", "2", 4)),
                List.of(WatchEvent.delete("/app/port", 5))), l.batches());
    }

    @Test
    void watchFromAnOldRevisionReplaysThenFollows() {
        store.put("/app/port", "1");
        store.put("/app/port", "2");
        store.put("/other/x", "3");
        RecordingListener l = new RecordingListener();
        store.watch(List.of("/app"), 2, l);
        store.put("/app/port", "4");
        await().atMost(WAIT).until(() -> l.events().size() == 2);
        assertEquals(List.of(WatchEvent.put("/app/port", "2", 3), WatchEvent.put("/app/port", "4", 5)), l.events());
        RecordingListener fromZero = new RecordingListener();
        store.watch(List.of("/app/db"), 0, fromZero);
        await().atMost(WAIT).until(() -> !fromZero.events().isEmpty());
        assertEquals(List.of(WatchEvent.put("/app/db/host", "db1", 1)), fromZero.events(),
                "the seed is revision 1 and replays as puts");
    }

    @Test
    void compactedHistoryAsksForResync() {
        try (MemoryStore small = new MemoryStore(Map.of(), 3)) {
            for (int i = 1; i <= 5; i++) {
                small.put("/k", Integer.toString(i));
            }
            RecordingListener old = new RecordingListener();
            small.watch(List.of("/"), 1, old);
            await().atMost(WAIT).until(() -> !old.resyncs().isEmpty());
            assertTrue(old.resyncs().get(0).getMessage().contains("compacted"), old.resyncs().get(0).getMessage());
            assertTrue(old.events().isEmpty());

            RecordingListener recent = new RecordingListener();
            small.watch(List.of("/"), 2, recent);
            await().atMost(WAIT).until(() -> recent.events().size() == 3);
            assertEquals(List.of(3L, 4L, 5L), recent.events().stream().map(WatchEvent::revision).toList());
            assertTrue(recent.resyncs().isEmpty());
        }
    }

    @Test
    void aBatchLargerThanTheHistoryIsDroppedWhole() {
        try (MemoryStore small = new MemoryStore(Map.of(), 3)) {
            small.put("/a", "1");
            small.putAll(Map.of("/b/1", "1", "/b/2", "2", "/b/3", "3", "/b/4", "4"));
            RecordingListener l = new RecordingListener();
            small.watch(List.of("/"), 1, l);
            await().atMost(WAIT).until(() -> !l.resyncs().isEmpty());
            assertTrue(l.events().isEmpty(), "never half a revision");
        }
    }

    @Test
    void burstFromTwoThreadsArrivesExactlyOnceInOrder() throws Exception {
        Map<String, String> start = store.snapshot(List.of("/")).entries();
        RecordingListener l = new RecordingListener();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            store.watch(List.of("/"), store.revision(), l);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                done.add(writers.submit(() -> {
                    go.await();
                    for (int i = 0; i < 2_500; i++) {
                        String key = "/burst/" + (i % 50);
                        if (i % 7 == 0) {
                            store.delete(key);
                        } else {
                            store.put(key, thread + ":" + i);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            long last = store.revision();
            await().atMost(WAIT).until(() -> l.lastRevision() == last);
            List<Long> revisions = l.events().stream().map(WatchEvent::revision).toList();
            assertEquals(revisions.size(), new HashSet<>(revisions).size(), "each revision once");
            for (int i = 1; i < revisions.size(); i++) {
                assertTrue(revisions.get(i) > revisions.get(i - 1), "revision order at " + i);
            }
            assertEquals(store.snapshot(List.of("/")).entries(), l.replay(start));
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void aListenerMayCallTheStoreAndSurvivesItsOwnFailure() {
        List<Long> seen = new ArrayList<>();
        WatchListener echo = new WatchListener() {
            @Override
            public void onEvents(List<WatchEvent> events) {
                WatchEvent e = events.get(0);
                if (e.key().equals("/ping")) {
                    throw new IllegalStateException("boom");
                }
                if (e.key().equals("/in")) {
                    synchronized (seen) {
                        seen.add(store.put("/out", e.value().orElseThrow()));
                    }
                }
            }

            @Override
            public void onResync(StoreException cause) {
            }
        };
        store.watch(List.of("/in", "/ping"), store.revision(), echo);
        store.put("/ping", "x");
        store.put("/in", "hello");
        await().atMost(WAIT).until(() -> store.snapshot(List.of("/out")).entries().equals(Map.of("/out", "hello")));
    }

    @Test
    void closedWatchGetsNothingMore() {
        RecordingListener l = new RecordingListener();
        Watch w = store.watch(List.of("/"), store.revision(), l);
        store.put("/a", "1");
        await().atMost(WAIT).until(() -> l.events().size() == 1);
        w.close();
        store.put("/a", "2");
        RecordingListener probe = new RecordingListener();
        store.watch(List.of("/"), store.revision() - 1, probe);
        // once the probe saw revision 3, any delivery to the closed watch would have happened before it
        await().atMost(WAIT).until(() -> probe.lastRevision() == 3);
        assertEquals(1, l.events().size());
    }

    @Test
    void closeStopsTheDeliveryThread() {
        Set<String> before = RecordingListener.liveThreads(ChangeFeed.THREAD_PREFIX);
        MemoryStore s = new MemoryStore();
        RecordingListener l = new RecordingListener();
        s.watch(List.of("/"), 0, l);
        s.put("/a", "1");
        await().atMost(WAIT).until(() -> l.events().size() == 1);
        Set<String> mine = new HashSet<>(l.threadNames());
        mine.removeAll(before);
        assertEquals(1, mine.size(), "delivered on one thread of this store: " + l.threadNames());
        s.close();
        await().atMost(WAIT).until(() -> RecordingListener.liveThreads(ChangeFeed.THREAD_PREFIX).stream().noneMatch(mine::contains));
        assertThrows(StoreException.class, () -> s.put("/a", "2"));
        assertThrows(StoreException.class, () -> s.snapshot(List.of("/")));
    }

    @Test
    void snapshotIsACopy() {
        Snapshot s = store.snapshot(List.of("/app"));
        store.put("/app/port", "1");
        assertEquals("8080", s.entries().get("/app/port"));
        assertEquals(new TreeMap<>(Map.of("/app/port", "1")), store.snapshot(List.of("/app/port")).entries());
    }
}
