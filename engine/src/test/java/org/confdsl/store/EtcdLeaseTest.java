package org.confdsl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        try {
            if (observer != null) {
                observer.close();
            }
        } finally {
            etcd.close();
        }
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

    /**
     * Idle cost (issue 12, goal 4): renewals are messages on one long-lived LeaseKeepAlive stream,
     * not a new gRPC stream per renewal. Counted by etcd's own gRPC metrics.
     */
    @Test
    void renewalsGoOverOneLongLivedStream() throws Exception {
        try (EtcdStore holder = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())))) {
            long streams0 = keepAliveMetric("grpc_server_started_total");
            long received0 = keepAliveMetric("grpc_server_msg_received_total");
            Lease lease = holder.lease(Duration.ofSeconds(2)); // renewed every ~0.67 s
            lease.put("/confdsl/status/h/one-stream", "{}");
            await().atMost(Duration.ofSeconds(30)).until(() -> keepAliveMetric("grpc_server_msg_received_total") - received0 >= 6);

            assertThat(keepAliveMetric("grpc_server_started_total") - streams0).as("LeaseKeepAlive streams opened for 6 renewals").isLessThanOrEqualTo(2);
            assertThat(present("/confdsl/status/h/one-stream")).isTrue();
            lease.close();
        }
    }

    long keepAliveMetric(String name) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(etcd.metricsUrl() + "/metrics")).timeout(Duration.ofSeconds(5)).build();
        String body = HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*grpc_method=\"LeaseKeepAlive\"[^}]*\\} (\\S+)$").matcher(body);
        long total = 0;
        while (m.find()) {
            total += (long) Double.parseDouble(m.group(1));
        }
        return total;
    }
}
