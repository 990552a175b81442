package org.confdsl.store.etcd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.confdsl.model.StoreModel;

/**
 * Explains a failed or timed-out https call. jetcd retries a failed TLS handshake as if etcd were
 * merely unavailable, so the call only times out and the real cause is lost; one JDK handshake
 * against the endpoint with the same CA, the same client certificate and gRPC's hostname check
 * recovers it. With TLS 1.3 a server rejects a client certificate only after the client's
 * handshake is done, so the probe also sends HTTP/2's preface and reads the answer.
 */
final class TlsProbe {

    // generous: the probe runs once, after a call already failed, and a loaded machine answers slowly
    private static final int TIMEOUT_MILLIS = 3_000;
    private static final byte[] HTTP2_PREFACE = concat("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0});

    /** What a probe found wrong. */
    enum Kind {
        /** the server certificate does not name the endpoint's host */
        HOSTNAME,
        /** the server refused the client certificate given */
        CLIENT_REJECTED,
        /** the server demands a client certificate and none is given */
        CLIENT_MISSING,
        /** any other handshake failure, e.g. a certificate signed by a CA not trusted */
        HANDSHAKE
    }

    /** A handshake problem with one endpoint; {@code detail} is the JDK's words. */
    record Finding(URI endpoint, Kind kind, String detail) {
    }

    private TlsProbe() {
    }

    /** Why a TLS conversation with {@code endpoint} under {@code model}'s CA and client certificate fails, if it does. */
    static Optional<Finding> diagnose(URI endpoint, StoreModel.Etcd model) {
        if (!"https".equals(endpoint.getScheme())) {
            return Optional.empty();
        }
        SSLContext context;
        try {
            context = context(model);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty(); // the files themselves are reported when the client is built
        }
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            SSLParameters params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS"); // as gRPC checks: the certificate names the host
            params.setApplicationProtocols(new String[] {"h2"});
            socket.setSSLParameters(params);
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(HTTP2_PREFACE);
            out.flush();
            InputStream in = socket.getInputStream();
            in.read();
            return Optional.empty();
        } catch (SSLException e) {
            return Optional.of(new Finding(endpoint, classify(e, model), String.valueOf(e.getMessage())));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Kind classify(SSLException e, StoreModel.Etcd model) {
        String text = chain(e);
        if (text.contains("no subject alternative") || text.contains("no name matching")) {
            return Kind.HOSTNAME;
        }
        if (text.contains("certificate_required") || text.contains("bad_certificate") || text.contains("unknown_ca")
                || text.contains("certificate_unknown") || text.contains("unsupported_certificate")) {
            return model.certFile().isPresent() ? Kind.CLIENT_REJECTED : Kind.CLIENT_MISSING;
        }
        return Kind.HANDSHAKE;
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static SSLContext context(StoreModel.Etcd model) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (model.caFile().isPresent()) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certificates(model.caFile().get())) {
                trust.setCertificateEntry("ca" + i++, c);
            }
            tmf.init(trust);
        } else {
            tmf.init((KeyStore) null);
        }
        KeyManagerFactory kmf = null;
        if (model.certFile().isPresent() && model.keyFile().isPresent()) {
            KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
            keys.load(null, null);
            char[] none = new char[0];
            keys.setKeyEntry("client", privateKey(model.keyFile().get()), none,
                    certificates(model.certFile().get()).toArray(Certificate[]::new));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, none);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static Collection<? extends Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    /** A PKCS#8 PEM key ({@code BEGIN PRIVATE KEY}), the form jetcd reads too. */
    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String body = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body));
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
