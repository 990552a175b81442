package org.confdsl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.confdsl.model.StoreModel;
import org.confdsl.testkit.EtcdProcess;
import org.confdsl.testkit.EtcdTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 §5: TLS failures are named for what they are (today both read "did not answer within
 * PT3S"), against a real etcd that demands client certificates, with certificates from openssl.
 */
class EtcdTlsMessagesTest {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    static EtcdTls tls;
    static EtcdProcess etcd;

    @BeforeAll
    static void start() {
        tls = EtcdTls.generate();
        etcd = EtcdProcess.startTls(tls, true);
    }

    @AfterAll
    static void stop() {
        if (etcd != null) {
            etcd.close();
        }
        if (tls != null) {
            tls.close();
        }
    }

    static StoreException failure(String endpoint, Optional<Path> cert, Optional<Path> key) {
        StoreModel.Etcd model = new StoreModel.Etcd(List.of(endpoint), Optional.empty(), Optional.empty(),
                Optional.of(tls.caFile()), cert, key, TIMEOUT, TIMEOUT);
        try (EtcdStore store = EtcdStore.open(model)) {
            StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> store.snapshot(List.of("/app")));
            return e;
        }
    }

    @Test
    void aServerCertificateThatDoesNotNameTheEndpointsHostIsReportedSo() {
        String endpoint = "https://localhost:" + etcd.clientPort();
        StoreException e = failure(endpoint, Optional.of(tls.clientCert()), Optional.of(tls.clientKey()));
        assertThat(e.getMessage())
                .startsWith("TLS: the server certificate of etcd at " + endpoint + " does not name localhost")
                .contains("subjectAltName")
                .doesNotContain("PT3S").doesNotContain("did not answer");
    }

    @Test
    void aClientCertificateTheServerRejectsIsReportedSo() {
        StoreException e = failure(etcd.clientUrl(), Optional.of(tls.strangerCert()), Optional.of(tls.strangerKey()));
        assertThat(e.getMessage())
                .startsWith("TLS: etcd at " + etcd.clientUrl() + " rejected the client certificate " + tls.strangerCert())
                .contains("--trusted-ca-file")
                .doesNotContain("PT3S").doesNotContain("did not answer");
    }

    @Test
    void noClientCertificateWhereEtcdDemandsOneIsReportedSo() {
        StoreException e = failure(etcd.clientUrl(), Optional.empty(), Optional.empty());
        assertThat(e.getMessage())
                .startsWith("TLS: etcd at " + etcd.clientUrl() + " demands a client certificate")
                .contains("cert 'client.pem'")
                .doesNotContain("PT3S");
    }

    @Test
    void aTimeoutOnATlsEndpointSaysWhatToCheckInPlainDurations() throws Exception {
        // a TCP listener that accepts and never answers: neither TLS nor etcd
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String endpoint = "https://127.0.0.1:" + silent.getLocalPort();
            StoreException e = failure(endpoint, Optional.of(tls.clientCert()), Optional.of(tls.clientKey()));
            assertThat(e.getMessage()).contains("did not answer within 3s")
                    .contains("the server certificate names the endpoint's host")
                    .contains("client certificate")
                    .doesNotContain("PT3S");
        }
    }
}
