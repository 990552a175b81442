package org.confdsl.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.confdsl.model.StoreModel;
import org.confdsl.testkit.EtcdCluster;
import org.confdsl.testkit.EtcdHttp;
import org.junit.jupiter.api.Test;

/** EtcdStore over a real 3-member cluster whose leader dies. */
@SuppressWarnings("try") // the watch is opened for its effect and closed by try-with-resources
class EtcdClusterStoreTest {

    @Test
    void readsAndTheWatchContinueThroughTheOtherMembersWhenTheLeaderIsKilled() {
        try (EtcdCluster cluster = EtcdCluster.start(3);
                EtcdStore store = EtcdStore.open(StoreModel.Etcd.of(cluster.clientUrls()))) {
            store.put("/app/a", "1");
            Snapshot start = store.snapshot(List.of("/app"));
            RecordingListener listener = new RecordingListener();
            try (Watch w = store.watch(List.of("/app"), start.revision(), listener)) {
                long r1 = store.put("/app/b", "2");
                await().atMost(Duration.ofSeconds(10)).until(() -> listener.lastRevision() == r1);
                int leader = cluster.leader();
                cluster.kill(leader);
                int follower = (leader + 1) % 3;
                int next = cluster.leader(Duration.ofSeconds(15));
                assertTrue(next != leader);
                long r2 = EtcdHttp.put(cluster.clientUrls().get(follower), "/app/c", "3");
                await().atMost(Duration.ofSeconds(10)).until(() -> listener.lastRevision() >= r2);
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                        assertEquals(Map.of("/app/a", "1", "/app/b", "2", "/app/c", "3"), store.snapshot(List.of("/app")).entries()));
                long r3 = store.put("/app/d", "4");
                await().atMost(Duration.ofSeconds(10)).until(() -> listener.lastRevision() >= r3);
                assertEquals(store.snapshot(List.of("/app")).entries(), listener.replay(start.entries()));
                assertTrue(listener.resyncs().isEmpty(), "the history continued: " + listener.resyncs());
            }
        }
    }
}
