package org.confdsl.store.etcd;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLException;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.confdsl.model.StoreModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.confdsl.store.StoreException;

/**
 * Builds jetcd clients for one {@link StoreModel.Etcd}: endpoints, user and password, TLS (CA,
 * optional client certificate for mutual TLS) and timeouts. Secrets are revealed once, when
 * the connector is made; each {@link #connect()} then opens a fresh client with a fresh gRPC
 * channel, which is how the store escapes gRPC's reconnect back-off after an outage.
 */
public final class EtcdConnector {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final Logger LOG = LoggerFactory.getLogger(EtcdConnector.class);

    private final StoreModel.Etcd model;
    private final List<URI> endpoints;
    private final Optional<String> password;

    /**
     * Validates the endpoints and files and reveals the password.
     *
     * @throws StoreException naming the endpoint, file or secret source that is wrong
     */
    public EtcdConnector(StoreModel.Etcd model) {
        this.model = model;
        this.endpoints = parse(model);
        model.password().flatMap(PasswordWarnings::of).ifPresent(LOG::warn);
        this.password = model.password().map(secret -> {
            try {
                return secret.reveal();
            } catch (RuntimeException e) {
                throw new StoreException("cannot read the etcd password from " + secret.source() + ": " + e.getMessage(), e);
            }
        });
        if (model.user().isPresent() && password.isEmpty()) {
            throw new StoreException(model.describe() + ": user '" + model.user().get() + "' needs a password");
        }
        if (model.certFile().isPresent() != model.keyFile().isPresent()) {
            throw new StoreException(model.describe() + ": a client certificate needs both certFile and keyFile");
        }
        for (Optional<Path> file : List.of(model.caFile(), model.certFile(), model.keyFile())) {
            file.ifPresent(f -> {
                if (!Files.isReadable(f)) {
                    throw new StoreException(model.describe() + ": cannot read " + f + " (TLS file missing or unreadable)");
                }
            });
        }
    }

    public StoreModel.Etcd model() {
        return model;
    }

    /** The endpoints as URIs, in the order given. */
    public List<URI> endpoints() {
        return endpoints;
    }

    /**
     * A new client; nothing connects until the first call. Its callback threads are daemons
     * named {@code confdsl-etcd-client-*} and end with {@link Client#close()} (see {@link Connection}).
     *
     * @throws StoreException when the TLS files cannot be loaded
     */
    public Connection connect() {
        ExecutorService pool = Executors.newCachedThreadPool(daemonThreads("confdsl-etcd-client-" + POOLS.incrementAndGet() + "-"));
        Vertx vertx = smallVertx();
        ClientBuilder builder = Client.builder()
                .endpoints(endpoints.toArray(URI[]::new))
                .executorService(pool)
                .vertx(vertx)
                // Members are interchangeable for reads and watches: spread over every ready one.
                .loadBalancerPolicy("round_robin")
                .connectTimeout(model.connectTimeout())
                .keepaliveTime(java.time.Duration.ofSeconds(10))
                .keepaliveTimeout(java.time.Duration.ofSeconds(3))
                // Pings only while a call (e.g. the watch stream) is open: etcd answers pings on an
                // idle connection with GOAWAY "too_many_pings", which drops and rebuilds it.
                .keepaliveWithoutCalls(false)
                // jetcd's own retries must not outlive the request deadline the store enforces.
                .retryMaxDuration(model.requestTimeout());
        model.user().ifPresent(u -> builder.user(bytes(u)).password(bytes(password.orElseThrow())));
        if (endpoints.stream().anyMatch(u -> "https".equals(u.getScheme()))) {
            try {
                builder.sslContext(ssl -> {
                    model.caFile().ifPresent(ca -> ssl.trustManager(ca.toFile()));
                    if (model.certFile().isPresent()) {
                        ssl.keyManager(model.certFile().get().toFile(), model.keyFile().orElseThrow().toFile());
                    }
                });
            } catch (SSLException | IllegalArgumentException e) {
                vertx.close();
                pool.shutdownNow();
                throw new StoreException(model.describe() + ": cannot load the TLS files (" + tlsFiles() + "): " + e.getMessage(), e);
            }
        }
        return new Connection(builder.build(), pool);
    }

    /**
     * The Vert.x instance a client's gRPC channel runs on (the client closes it): one event loop
     * (a channel uses one connection, so more loops only idle), one worker and one internal
     * blocking thread, created on first use, and no blocked-thread checker waking every second
     * (Vert.x's default is 2 event loops per core, 20 workers and a 1 s checker).
     */
    private static Vertx smallVertx() {
        return Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setBlockedThreadCheckInterval(1)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.DAYS)
                .setUseDaemonThread(true));
    }

    /** The TLS files named in the model, for messages. */
    public String tlsFiles() {
        List<String> files = new ArrayList<>();
        model.caFile().ifPresent(f -> files.add("caFile " + f));
        model.certFile().ifPresent(f -> files.add("certFile " + f));
        model.keyFile().ifPresent(f -> files.add("keyFile " + f));
        return files.isEmpty() ? "no caFile: the JDK's default trust store" : String.join(", ", files);
    }

    static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static List<URI> parse(StoreModel.Etcd model) {
        List<URI> out = new ArrayList<>();
        for (String e : model.endpoints()) {
            URI uri;
            try {
                uri = URI.create(e.trim());
            } catch (IllegalArgumentException bad) {
                throw new StoreException("etcd endpoint '" + e + "' is not a URL; write e.g. http://127.0.0.1:2379", bad);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null || uri.getPort() < 0) {
                throw new StoreException("etcd endpoint '" + e + "' needs http:// or https://, a host and a port, e.g. http://127.0.0.1:2379");
            }
            out.add(uri);
        }
        return List.copyOf(out);
    }

    /** A jetcd client and the pool that runs its callbacks; closing it ends both. */
    public record Connection(Client client, ExecutorService pool) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
