package org.confdsl.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.confdsl.model.StoreModel;
import org.confdsl.testkit.EtcdProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EtcdStore against one real etcd shared by the class; each test works under its own key prefix. */
@SuppressWarnings("try") // a watch is opened for its effect and closed by try-with-resources
class EtcdStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static EtcdProcess etcd;
    private static EtcdStore store;
    private static final AtomicInteger RUN = new AtomicInteger();
    private String root;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdProcess.start();
        store = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
    }

    @AfterAll
    static void stopEtcd() {
        if (store != null) {
            store.close();
        }
        if (etcd != null) {
            etcd.close();
        }
    }

    @BeforeEach
    void freshRoot() {
        root = "/t" + RUN.incrementAndGet();
    }

    @Test
    void putDeleteAndSnapshotAgreeOnRevisions() {
        long r1 = store.put(root + "/a", "1");
        long r2 = store.put(root + "/b", "2");
        assertTrue(r2 > r1);
        Snapshot s = store.snapshot(List.of(root));
        assertEquals(Map.of(root + "/a", "1", root + "/b", "2"), s.entries());
        assertTrue(s.revision() >= r2);
        long r3 = store.delete(root + "/a");
        assertTrue(r3 > r2);
        assertEquals(Map.of(root + "/b", "2"), store.snapshot(List.of(root)).entries());
        assertEquals(r3, store.delete(root + "/missing"), "deleting nothing changes no revision");
    }

    @Test
    void prefixesAreKeyBoundaryAwareForSnapshotAndDeletePrefix() {
        store.put(root + "/app", "exact");
        store.put(root + "/app/x", "below");
        store.put(root + "/apple", "sibling");
        store.put(root + "/app-y", "sibling");
        assertEquals(Map.of(root + "/app", "exact", root + "/app/x", "below"),
                store.snapshot(List.of(root + "/app")).entries());
        assertEquals(Map.of(root + "/app", "exact", root + "/app/x", "below"),
                store.snapshot(List.of(root + "/app/")).entries(), "a trailing slash names the same prefix");
        store.deletePrefix(root + "/app");
        assertEquals(Map.of(root + "/apple", "sibling", root + "/app-y", "sibling"),
                store.snapshot(List.of(root)).entries());
    }

    @Test
    void aSnapshotOfSeveralPrefixesIsTakenAtOneRevision() throws Exception {
        String a = root + "/a/x";
        String b = root + "/b/x";
        store.put(a, "0");
        store.put(b, "0");
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try (EtcdStore writer = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())))) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int id = w;
                done.add(writers.submit(() -> {
                    int n = 0;
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                    while (!stop.get() && n < 2_000 && System.nanoTime() < end) {
                        // Both keys in one transaction: any consistent read sees them equal.
                        String v = id + "-" + n++;
                        writer.putAll(Map.of(a, v, b, v));
                    }
                    return n;
                }));
            }
            int reads = 0;
            long readStart = System.nanoTime();
            long end = readStart + TimeUnit.SECONDS.toNanos(2);
            while (reads < 300 && System.nanoTime() < end) {
                Snapshot s = store.snapshot(List.of(root + "/a", root + "/b"));
                assertEquals(s.entries().get(a), s.entries().get(b), "a and b differ at revision " + s.revision());
                reads++;
            }
            stop.set(true);
            int writes = 0;
            for (Future<Integer> f : done) {
                writes += f.get(10, TimeUnit.SECONDS);
            }
            double perRead = (System.nanoTime() - readStart) / 1e6 / reads;
            System.out.printf("snapshot consistency: %d snapshots of 2 prefixes (%.2f ms each) during %d transactions%n",
                    reads, perRead, writes);
            assertTrue(writes > 10 && reads > 10, "the writers and the reader overlapped");
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void aWatchDeliversPutsAndDeletesInRevisionOrderUnderItsPrefixesOnly() {
        long start = store.snapshot(List.of(root)).revision();
        RecordingListener listener = new RecordingListener();
        try (Watch w = store.watch(List.of(root + "/app"), start, listener)) {
            store.put(root + "/apple", "not mine");
            long p1 = store.put(root + "/app/x", "1");
            long p2 = store.put(root + "/app", "2");
            store.put(root + "/app-z", "not mine");
            long d1 = store.delete(root + "/app/x");
            long d2 = store.deletePrefix(root + "/app");
            await().atMost(WAIT).until(() -> listener.events().size() == 4);
            assertEquals(List.of(
                    WatchEvent.put(root + "/app/x", "1", p1),
                    WatchEvent.put(root + "/app", "2", p2),
                    WatchEvent.delete(root + "/app/x", d1),
                    WatchEvent.delete(root + "/app", d2)), listener.events());
            assertTrue(listener.resyncs().isEmpty());
        }
    }

    @Test
    void aWatchFromAnOldRevisionReplaysTheChangesSinceThen() {
        long before = store.put(root + "/k", "0");
        long r1 = store.put(root + "/k", "1");
        long r2 = store.put(root + "/k", "2");
        RecordingListener listener = new RecordingListener();
        try (Watch w = store.watch(List.of(root), before, listener)) {
            await().atMost(WAIT).until(() -> listener.events().size() == 2);
            long r3 = store.put(root + "/k", "3");
            await().atMost(WAIT).until(() -> listener.events().size() == 3);
            assertEquals(List.of(WatchEvent.put(root + "/k", "1", r1), WatchEvent.put(root + "/k", "2", r2),
                    WatchEvent.put(root + "/k", "3", r3)), listener.events());
        }
    }

    @Test
    void aClosedWatchDeliversNothingMore() {
        RecordingListener listener = new RecordingListener();
        Watch w = store.watch(List.of(root), store.snapshot(List.of(root)).revision(), listener);
        store.put(root + "/a", "1");
        await().atMost(WAIT).until(() -> listener.events().size() == 1);
        w.close();
        long last = store.put(root + "/a", "2");
        // A later watch sees the put, so the first had every chance to see it too.
        RecordingListener probe = new RecordingListener();
        try (Watch w2 = store.watch(List.of(root), last - 1, probe)) {
            await().atMost(WAIT).until(() -> probe.events().size() == 1);
        }
        assertEquals(1, listener.events().size());
    }

    @Test
    void aStormOfRandomChangesIsReconstructedExactlyFromSnapshotAndWatch() throws Exception {
        String storm = root + "/storm";
        Snapshot start = store.snapshot(List.of(storm));
        RecordingListener listener = new RecordingListener();
        int total = 10_000;
        AtomicInteger done = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong lastChange = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        long t0 = System.nanoTime();
        try (Watch w = store.watch(List.of(storm), start.revision(), listener)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Random random = new Random(42 + t);
                futures.add(writers.submit(() -> {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    for (int i = 0; i < total / 2 && System.nanoTime() < end; i++) {
                        String key = storm + "/k" + random.nextInt(50);
                        long r = random.nextInt(4) == 0 ? store.delete(key) : store.put(key, Integer.toString(random.nextInt(1_000_000)));
                        lastChange.accumulateAndGet(r, Math::max);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(90, TimeUnit.SECONDS);
            }
            Snapshot end = store.snapshot(List.of(storm));
            // Nothing else writes meanwhile, so every returned revision is a change under the prefix.
            await().atMost(WAIT).until(() -> listener.lastRevision() >= lastChange.get());
            assertEquals(total, done.get());
            assertEquals(end.entries(), listener.replay(start.entries()));
            assertStrictlyIncreasingWithoutDuplicates(listener.events());
            assertTrue(listener.resyncs().isEmpty());
            System.out.printf("storm: %d changes from 2 threads in %d ms, %d events delivered%n",
                    total, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), listener.events().size());
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void closeStopsEveryThreadTheStoreStarted() {
        Set<String> before = liveThreadNames();
        EtcdStore own = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
        RecordingListener listener = new RecordingListener();
        own.watch(List.of(root), own.snapshot(List.of(root)).revision(), listener);
        own.put(root + "/a", "1");
        await().atMost(WAIT).until(() -> listener.events().size() == 1);
        Set<String> started = liveThreadNames();
        started.removeAll(before);
        assertTrue(started.stream().anyMatch(n -> n.startsWith("confdsl-etcd-monitor")), "started: " + started);
        assertTrue(started.stream().anyMatch(n -> n.startsWith("confdsl-etcd-events")), "started: " + started);
        own.close();
        await().atMost(WAIT).untilAsserted(() -> {
            Set<String> left = liveThreadNames();
            left.retainAll(started);
            left.removeIf(n -> n.startsWith("grpc-default-executor") || n.startsWith("ForkJoinPool"));
            assertEquals(Set.of(), left, "threads still running after close()");
        });
        assertFalse(RecordingListener.liveThreads("confdsl-etcd-client").stream()
                .anyMatch(n -> started.contains(n)));
    }

    private static void assertStrictlyIncreasingWithoutDuplicates(List<WatchEvent> events) {
        Set<Long> seen = new HashSet<>();
        long last = 0;
        for (WatchEvent e : events) {
            assertTrue(e.revision() > last, "revision " + e.revision() + " after " + last);
            assertTrue(seen.add(e.revision()), "duplicate revision " + e.revision());
            last = e.revision();
        }
    }

    private static Set<String> liveThreadNames() {
        Set<String> names = new HashSet<>();
        Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).forEach(t -> names.add(t.getName()));
        return names;
    }
}
