package org.confdsl.store.etcd;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.etcd.jetcd.common.exception.CompactedException;
import org.confdsl.model.Durations;
import org.confdsl.model.StoreModel;
import org.confdsl.store.StoreException;

/**
 * Turns what jetcd and gRPC throw into messages a person can act on: which endpoints, which
 * user, which CA file, and what to check. Never includes keys' values.
 */
public final class EtcdErrors {

    private EtcdErrors() {
    }

    /**
     * Waits for {@code call} at most the model's request timeout.
     *
     * @throws StoreException saying what {@code action} was and why it failed
     */
    public static <T> T await(CompletableFuture<T> call, EtcdConnector connector, String action) {
        StoreModel.Etcd model = connector.model();
        try {
            return call.get(model.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            Optional<StoreException> tls = probe(connector, e);
            if (tls.isPresent()) {
                throw tls.get();
            }
            boolean https = connector.endpoints().stream().anyMatch(u -> "https".equals(u.getScheme()));
            throw new StoreException(action + " at " + endpoints(model) + " did not answer within " + Durations.format(model.requestTimeout())
                    + ": check that etcd runs and listens there, that a quorum of members is up, and the endpoints in the script"
                    + (https ? "; over TLS also check that the server certificate names the endpoint's host (subjectAltName), that "
                            + connector.tlsFiles() + " holds the CA that signed it, and that etcd accepts the client certificate"
                            + " when it demands one (--client-cert-auth)" : ""), e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new StoreException(action + " at " + endpoints(model) + " was interrupted", e);
        } catch (ExecutionException | CompletionException e) {
            throw translate(e.getCause() == null ? e : e.getCause(), connector, action);
        }
    }

    /** A {@link StoreException} for a failure of {@code action}, worded by its cause. */
    public static StoreException translate(Throwable t, EtcdConnector connector, String action) {
        StoreModel.Etcd model = connector.model();
        String where = " at " + endpoints(model);
        String text = chainText(t);
        if (t instanceof CompactedException c) {
            return new StoreException(action + where + ": the history was compacted at revision " + c.getCompactedRevision()
                    + "; re-read and watch from the new revision", t);
        }
        if (text.contains("authentication failed") || text.contains("invalid user id or password")) {
            return new StoreException("authentication failed for user '" + model.user().orElse("") + "'" + where
                    + ": check the user and the password's source", t);
        }
        if (text.contains("user name is empty") || text.contains("permission denied") || text.contains("invalid auth token")
                || text.contains("user name not found")) {
            return new StoreException(action + where + " was refused: " + firstLine(t)
                    + "; check the user, its roles, and that etcd's authentication settings match the script", t);
        }
        if (hasCause(t, SSLException.class) || text.contains("pkix") || text.contains("certificate") || text.contains("handshake")) {
            return probe(connector, t).orElseGet(() -> tlsFailure(connector, firstLine(rootCause(t)), t));
        }
        if (text.contains("unavailable") || text.contains("connection refused") || text.contains("network closed")
                || text.contains("io exception") || text.contains("deadline")) {
            return unreachable(model, firstLine(rootCause(t)));
        }
        return new StoreException(action + where + " failed: " + firstLine(t), t);
    }

    /** A message for what a TLS probe of each endpoint finds wrong, if it finds anything. */
    private static Optional<StoreException> probe(EtcdConnector connector, Throwable cause) {
        for (URI endpoint : connector.endpoints()) {
            Optional<TlsProbe.Finding> found = TlsProbe.diagnose(endpoint, connector.model());
            if (found.isPresent()) {
                return Optional.of(tlsFailure(connector, found.get(), cause));
            }
        }
        return Optional.empty();
    }

    private static StoreException tlsFailure(EtcdConnector connector, TlsProbe.Finding found, Throwable cause) {
        StoreModel.Etcd model = connector.model();
        String at = " etcd at " + found.endpoint();
        return switch (found.kind()) {
            case HOSTNAME -> new StoreException("TLS: the server certificate of" + at + " does not name " + found.endpoint().getHost()
                    + " (" + found.detail() + "): use an endpoint whose host the certificate names, or reissue the certificate with "
                    + found.endpoint().getHost() + " in its subjectAltName", cause);
            case CLIENT_REJECTED -> new StoreException("TLS:" + at + " rejected the client certificate " + model.certFile().orElseThrow()
                    + " (" + found.detail() + "): check that it is signed by a CA etcd trusts (--trusted-ca-file), is not expired,"
                    + " and allows clientAuth (extendedKeyUsage)", cause);
            case CLIENT_MISSING -> new StoreException("TLS:" + at + " demands a client certificate (" + found.detail()
                    + "): add cert 'client.pem' and key 'client-key.pem' to the store block, or --cert-file and --key-file", cause);
            case HANDSHAKE -> tlsFailure(connector, found.detail(), cause);
        };
    }

    private static StoreException tlsFailure(EtcdConnector connector, String detail, Throwable cause) {
        return new StoreException("TLS handshake with etcd at " + endpoints(connector.model()) + " failed (" + detail
                + "): check that " + connector.tlsFiles() + " holds the CA that signed the etcd server certificate,"
                + " that the certificate names 127.0.0.1 or the host used, and any client certificate etcd demands", cause);
    }

    /** etcd cannot be reached; {@code detail} says how the attempt failed. */
    public static StoreException unreachable(StoreModel.Etcd model, String detail) {
        return new StoreException("etcd unreachable at " + endpoints(model) + " (" + detail
                + "): check that etcd runs and listens there (--listen-client-urls), the endpoints and scheme in the script,"
                + " and any firewall in between");
    }

    static String endpoints(StoreModel.Etcd model) {
        return String.join(",", model.endpoints());
    }

    private static String chainText(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getClass().getSimpleName()).append(' ').append(c.getMessage()).append('\n');
        }
        return sb.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return m.lines().findFirst().orElse(m);
    }
}
