package org.confdsl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.confdsl.model.StoreModel;
import org.confdsl.testkit.EtcdProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One consistent snapshot of any size from an etcd with its default limits (128 operations per
 * transaction, gRPC's 4 MB messages): many prefixes, and many keys under one prefix.
 */
class EtcdLargeSnapshotTest {

    private static EtcdProcess etcd;
    private static EtcdStore store;

    @BeforeAll
    static void startEtcd() {
        Path shm = Path.of("/dev/shm");
        // etcd on tmpfs when there is one: 1,000 fsynced transactions would dominate the test otherwise
        etcd = Files.isDirectory(shm) && Files.isWritable(shm) ? EtcdProcess.start(List.of(), shm) : EtcdProcess.start();
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

    @Test
    void fourHundredPrefixesOfTwoHundredResourcesAreReadInOneSnapshot() {
        Map<String, String> batch = new LinkedHashMap<>();
        List<String> prefixes = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            prefixes.add("/many/r" + r + "/subdomain");
            prefixes.add("/many/r" + r + "/upstream");
            batch.put("/many/r" + r + "/subdomain", "s" + r);
            batch.put("/many/r" + r + "/upstream/a", "10.0.0." + (r % 250) + ":80");
            if (batch.size() >= 100) {
                store.putAll(batch);
                batch.clear();
            }
        }
        long last = store.putAll(batch);
        store.put("/many/r0/subdomainx", "not covered");

        Snapshot s = store.snapshot(prefixes);

        assertEquals(400, s.entries().size());
        assertEquals("s199", s.entries().get("/many/r199/subdomain"));
        assertEquals("10.0.0.0:80", s.entries().get("/many/r0/upstream/a"));
        assertTrue(s.revision() > last);
    }

    @Test
    void aHundredThousandKeysOfAHundredBytesAreReadInOneSnapshot() throws Exception {
        int keys = 100_000;
        String padding = "x".repeat(90);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int from = 0; from < keys; from += 100) {
                int start = from;
                done.add(writers.submit(() -> {
                    Map<String, String> batch = new LinkedHashMap<>();
                    for (int i = start; i < start + 100; i++) {
                        batch.put(String.format("/big/k%06d", i), String.format("%06d", i) + padding + "1234");
                    }
                    return store.putAll(batch);
                }));
            }
            for (Future<Long> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        }
        store.put("/bigger", "beside the prefix");

        long started = System.nanoTime();
        Snapshot s = store.snapshot(List.of("/big"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(keys, s.entries().size());
        assertEquals(100, s.entries().get("/big/k054321").length());
        assertTrue(s.entries().get("/big/k054321").startsWith("054321"));
        assertEquals(String.format("/big/k%06d", keys - 1), s.entries().lastKey());
        System.out.println("read " + keys + " keys of 100 bytes in " + took.toMillis() + " ms");
    }
}
