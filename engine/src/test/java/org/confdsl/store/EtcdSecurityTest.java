package org.confdsl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confdsl.model.Secret;
import org.confdsl.model.StoreModel;
import org.confdsl.testkit.EtcdProcess;
import org.confdsl.testkit.EtcdTls;
import org.confdsl.testkit.Etcdctl;
import org.junit.jupiter.api.Test;

/** EtcdStore with user/password authentication and with TLS, against real etcd processes and generated certificates. */
class EtcdSecurityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void authenticationWithTheRightPasswordWorksAndAWrongOneIsNamed() {
        try (EtcdProcess etcd = EtcdProcess.start()) {
            Etcdctl.enableAuth(etcd.clientUrl(), "s3cret");
            try (EtcdStore store = EtcdStore.open(model(List.of(etcd.clientUrl()), "root", Secret.literal("s3cret"),
                    Optional.empty(), Optional.empty(), Optional.empty()))) {
                long r = store.put("/app/a", "1");
                assertEquals(new Snapshot(r, new java.util.TreeMap<>(Map.of("/app/a", "1"))), store.snapshot(List.of("/app")));
            }
            try (EtcdStore store = EtcdStore.open(model(List.of(etcd.clientUrl()), "root", Secret.literal("wrong"),
                    Optional.empty(), Optional.empty(), Optional.empty()))) {
                StoreException e = assertThrows(StoreException.class, () -> store.snapshot(List.of("/app")));
                assertTrue(e.getMessage().startsWith("authentication failed for user 'root'"), e.getMessage());
                assertTrue(!e.getMessage().contains("wrong"), "the message never shows the password");
            }
        }
    }

    @Test
    void aPasswordFromAMissingSourceFailsAtOpenNamingTheSource() {
        StoreException e = assertThrows(StoreException.class, () -> EtcdStore.open(model(List.of("http://127.0.0.1:1"), "root",
                Secret.env("CONFDSL_TEST_SURELY_UNSET_VARIABLE"), Optional.empty(), Optional.empty(), Optional.empty())));
        assertTrue(e.getMessage().contains("environment variable CONFDSL_TEST_SURELY_UNSET_VARIABLE"), e.getMessage());
        StoreException f = assertThrows(StoreException.class, () -> EtcdStore.open(model(List.of("http://127.0.0.1:1"), "root",
                Secret.file(Path.of("/nonexistent/confdsl-password")), Optional.empty(), Optional.empty(), Optional.empty())));
        assertTrue(f.getMessage().contains("/nonexistent/confdsl-password"), f.getMessage());
    }

    @Test
    void tlsWithTheRightCaAndMutualTlsWorkAndAWrongCaIsNamed() {
        try (EtcdTls tls = EtcdTls.generate(); EtcdProcess etcd = EtcdProcess.startTls(tls, true)) {
            assertTrue(etcd.clientUrl().startsWith("https://127.0.0.1:"));
            try (EtcdStore store = EtcdStore.open(model(List.of(etcd.clientUrl()), null, null,
                    Optional.of(tls.caFile()), Optional.of(tls.clientCert()), Optional.of(tls.clientKey())))) {
                store.put("/app/a", "1");
                assertEquals(Map.of("/app/a", "1"), store.snapshot(List.of("/app")).entries());
            }
            try (EtcdStore store = EtcdStore.open(model(List.of(etcd.clientUrl()), null, null,
                    Optional.of(tls.otherCaFile()), Optional.of(tls.clientCert()), Optional.of(tls.clientKey())))) {
                long t0 = System.nanoTime();
                StoreException e = assertThrows(StoreException.class, () -> store.snapshot(List.of("/app")));
                assertTrue(System.nanoTime() - t0 < TIMEOUT.toNanos() + 2_000_000_000L, "fails within the timeout");
                assertTrue(e.getMessage().startsWith("TLS handshake with etcd at " + etcd.clientUrl()), e.getMessage());
                assertTrue(e.getMessage().contains(tls.otherCaFile().toString()), e.getMessage());
            }
        }
    }

    private static StoreModel.Etcd model(List<String> endpoints, String user, Secret password,
            Optional<Path> ca, Optional<Path> cert, Optional<Path> key) {
        return new StoreModel.Etcd(endpoints, Optional.ofNullable(user), Optional.ofNullable(password), ca, cert, key, TIMEOUT, TIMEOUT);
    }
}
