package org.confdsl.store.etcd;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Explains a timed-out https call. jetcd retries a failed TLS handshake as if etcd were merely
 * unavailable, so the call only times out and the real cause is lost; one JDK handshake
 * against the endpoint with the same CA file recovers it.
 */
final class TlsProbe {

    private static final int TIMEOUT_MILLIS = 1_000;

    private TlsProbe() {
    }

    /** Why a handshake with {@code endpoint} trusting only {@code caFile} (or the JDK's CAs) fails, if it does. */
    static Optional<String> diagnose(URI endpoint, Optional<Path> caFile) {
        if (!"https".equals(endpoint.getScheme())) {
            return Optional.empty();
        }
        try (SSLSocket socket = (SSLSocket) context(caFile).getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            return Optional.empty();
        } catch (SSLException e) {
            return Optional.of(e.getMessage());
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static SSLContext context(Optional<Path> caFile) throws IOException, GeneralSecurityException {
        if (caFile.isEmpty()) {
            return SSLContext.getDefault();
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caFile.get())) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
