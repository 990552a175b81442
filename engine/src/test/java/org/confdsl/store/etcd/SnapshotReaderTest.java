package org.confdsl.store.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import org.confdsl.model.StoreModel;
import org.confdsl.store.EtcdStore;
import org.confdsl.store.Snapshot;
import org.confdsl.testkit.EtcdProcess;
import org.junit.jupiter.api.Test;

/** The paged read: pages at one revision, and a fresh start when that revision is compacted meanwhile. */
class SnapshotReaderTest {

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    @Test
    void aReadWhoseRevisionIsCompactedMidwayStartsOverAndSeesOneLaterRevision() throws Exception {
        try (EtcdProcess etcd = EtcdProcess.start();
                EtcdStore store = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())))) {
            Map<String, String> batch = new LinkedHashMap<>();
            for (int i = 0; i < 3000; i++) {
                batch.put(String.format("/c/k%05d", i), "v" + i);
                if (batch.size() == 100) {
                    store.putAll(batch);
                    batch.clear();
                }
            }
            EtcdConnector connector = new EtcdConnector(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
            try (EtcdConnector.Connection connection = connector.connect()) {
                Client client = connection.client();
                SnapshotReader reader = new SnapshotReader(connector, new ClusterGuard(etcd.clientUrl()), why -> { });
                AtomicInteger requests = new AtomicInteger();
                reader.betweenRequests(() -> {
                    if (requests.incrementAndGet() == 1) {
                        // a write and a compaction between the first page and the second
                        try {
                            long rev = client.getKVClient().put(bytes("/c/zzz"), bytes("late")).get(10, TimeUnit.SECONDS)
                                    .getHeader().getRevision();
                            client.getKVClient().compact(rev).get(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });

                Snapshot s = reader.read(client, List.of("/c"));

                assertEquals(3001, s.entries().size(), "the second attempt read everything, the late key included");
                assertEquals("late", s.entries().get("/c/zzz"));
                assertTrue(requests.get() >= 3, "the first attempt failed after its first page, the second read more pages: " + requests.get());
            }
        }
    }

    @Test
    void aSmallReadIsOneRequest() {
        try (EtcdProcess etcd = EtcdProcess.start();
                EtcdStore store = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())))) {
            store.put("/s/a", "1");
            store.put("/t/b", "2");
            EtcdConnector connector = new EtcdConnector(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
            try (EtcdConnector.Connection connection = connector.connect()) {
                SnapshotReader reader = new SnapshotReader(connector, new ClusterGuard(etcd.clientUrl()), why -> { });
                AtomicInteger more = new AtomicInteger();
                reader.betweenRequests(more::incrementAndGet);
                Snapshot s = reader.read(connection.client(), List.of("/s", "/t"));
                assertEquals(Map.of("/s/a", "1", "/t/b", "2"), s.entries());
                assertEquals(0, more.get(), "no request after the first");
            }
        }
    }
}
