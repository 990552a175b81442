package org.confdsl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.confdsl.model.StoreModel;
import org.confdsl.testkit.EtcdProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leased keys in a real etcd: renewed while their holder lives, gone when it closes the lease or dies. */
class EtcdLeaseTest {

    EtcdProcess etcd;
    EtcdStore observer;

    @BeforeEach
    void start() {
        etcd = EtcdProcess.start();
        observer = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
    }

    @AfterEach
    void stop() {
        observer.close();
        etcd.close();
    }

    boolean present(String key) {
        return observer.snapshot(List.of(key)).entries().containsKey(key);
    }

    @Test
    void aLeasedKeyOutlivesItsTtlWhileRenewedAndGoesWhenTheLeaseCloses() {
        try (EtcdStore holder = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())))) {
            Lease lease = holder.lease(Duration.ofSeconds(2));
            lease.put("/confdsl/status/h/r", "{}");
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            await().atMost(Duration.ofSeconds(6)).until(() -> !present("/confdsl/status/h/r") || System.nanoTime() > until);
            assertThat(present("/confdsl/status/h/r")).as("renewed past its 2 s TTL").isTrue();

            lease.close();
            assertThat(present("/confdsl/status/h/r")).isFalse();
        }
    }

    @Test
    void aHolderThatStopsRenewingLosesItsKeysAfterTheTtl() {
        EtcdStore holder = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
        holder.lease(Duration.ofSeconds(2)).put("/confdsl/status/dead/r", "{}");

        holder.close(); // no revoke: what a killed daemon leaves behind

        assertThat(present("/confdsl/status/dead/r")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !present("/confdsl/status/dead/r"));
    }
}
