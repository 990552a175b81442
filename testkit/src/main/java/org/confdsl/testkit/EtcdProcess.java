package org.confdsl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-member etcd, started on 127.0.0.1 with free ports and its own data directory,
 * stopped by its PID. Restartable with the same ports and data (an outage), or wiped (a new
 * cluster at the same address).
 *
 * <pre>{@code
 * try (EtcdProcess etcd = EtcdProcess.start()) {
 *     String url = etcd.clientUrl();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class EtcdProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path etcd;
    private final Path home;
    private final String name;
    private final String scheme;
    private final int clientPort;
    private final int peerPort;
    private final int metricsPort;
    private final List<String> extraArgs;
    private String initialCluster;
    private String clusterToken;
    private Process process;

    EtcdProcess(Path etcd, Path home, String name, String scheme, int clientPort, int peerPort, List<String> extraArgs) {
        this.etcd = etcd;
        this.home = home;
        this.name = name;
        this.scheme = scheme;
        this.clientPort = clientPort;
        this.peerPort = peerPort;
        // A plain metrics listener serves /health whatever TLS the client listener demands.
        this.metricsPort = FreePorts.next();
        this.extraArgs = List.copyOf(extraArgs);
        this.initialCluster = name + "=" + peerUrl();
        // Kept across wipeAndRestart: the new etcd then has the same cluster ID, as a re-created one would.
        this.clusterToken = "confdsl-" + home.getFileName();
    }

    /**
     * Starts a fresh etcd in a new temporary directory (under {@link #fastParent()}) and waits
     * until it is healthy.
     */
    public static EtcdProcess start() {
        return start(List.of());
    }

    /** As {@link #start()}, with more etcd flags (e.g. {@code --auto-compaction-retention}). */
    public static EtcdProcess start(List<String> extraArgs) {
        return start(extraArgs, fastParent());
    }

    /**
     * Where test etcds keep their data: {@code /dev/shm} when it is a writable directory, else
     * {@code java.io.tmpdir}; {@code -Dconfdsl.test.etcdOnDisk=true} forces the latter. On tmpfs
     * etcd's WAL fsync costs nothing (about 4 ms each on this kind of machine's disk, more under
     * load), and no test here is about etcd's durability on disk: a killed etcd keeps what it wrote
     * either way (the page cache outlives the process), and a wipe deletes the directory.
     */
    public static Path fastParent() {
        Path shm = Path.of("/dev/shm");
        boolean onDisk = Boolean.getBoolean("confdsl.test.etcdOnDisk");
        return !onDisk && Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * As {@link #start(List)}, with the data directory under {@code parent}: a benchmark puts it on
     * tmpfs ({@code /dev/shm}) so that etcd's own WAL fsync does not dominate what it measures.
     */
    public static EtcdProcess start(List<String> extraArgs, Path parent) {
        Path binary = Executables.require("etcd", "etcd-server");
        try {
            Path home = Files.createTempDirectory(parent, "confdsl-etcd-");
            EtcdProcess p = new EtcdProcess(binary, home, "confdsl-test", "http", FreePorts.next(), FreePorts.next(), extraArgs);
            p.launch();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #start()}, the client listener also on {@code addresses} (addresses of veth links
     * the test made, for hosts in network namespaces), same port; {@link #clientUrl()} stays loopback.
     */
    public static EtcdProcess startAlsoListeningOn(List<String> addresses) {
        Path binary = Executables.require("etcd", "etcd-server");
        try {
            Path home = Files.createTempDirectory(fastParent(), "confdsl-etcd-");
            int port = FreePorts.next();
            StringBuilder urls = new StringBuilder("http://127.0.0.1:" + port);
            addresses.forEach(a -> urls.append(",http://").append(a).append(':').append(port));
            // etcd reads flags as Go does: a flag given again replaces the first value.
            EtcdProcess p = new EtcdProcess(binary, home, "confdsl-test", "http", port, FreePorts.next(),
                    List.of("--listen-client-urls", urls.toString()));
            p.launch();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a fresh etcd whose client listener speaks TLS with the certificates of {@code tls};
     * with {@code clientCertAuth} it also demands a client certificate signed by the same CA.
     */
    public static EtcdProcess startTls(EtcdTls tls, boolean clientCertAuth) {
        Path binary = Executables.require("etcd", "etcd-server");
        List<String> args = new ArrayList<>(List.of(
                "--cert-file", tls.serverCert().toString(),
                "--key-file", tls.serverKey().toString(),
                "--trusted-ca-file", tls.caFile().toString()));
        if (clientCertAuth) {
            args.add("--client-cert-auth");
        }
        try {
            Path home = Files.createTempDirectory(fastParent(), "confdsl-etcd-tls-");
            EtcdProcess p = new EtcdProcess(binary, home, "confdsl-test", "https", FreePorts.next(), FreePorts.next(), args);
            p.launch();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, or {@code https://...} for a TLS etcd. */
    public String clientUrl() {
        return scheme + "://127.0.0.1:" + clientPort;
    }

    /** The member's name in its cluster. */
    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:PORT} of the peer listener. */
    public String peerUrl() {
        return "http://127.0.0.1:" + peerPort;
    }

    /** A plain-HTTP URL that serves {@code /health} and {@code /metrics}, also for a TLS etcd. */
    public String metricsUrl() {
        return "http://127.0.0.1:" + metricsPort;
    }

    void initialCluster(String members, String token) {
        this.initialCluster = members;
        this.clusterToken = token;
    }

    public int clientPort() {
        return clientPort;
    }

    /** The PID of the running etcd. */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops etcd with SIGTERM (SIGKILL after 10 s); its data stays. */
    public void stop() {
        if (isRunning()) {
            process.destroy();
            waitForExit();
        }
    }

    /** Kills etcd with SIGKILL, as a crash would; its data stays. */
    public void kill() {
        if (isRunning()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    /** Starts etcd again on the same ports with the same data. */
    public void restart() {
        stop();
        launch();
    }

    /** Stops etcd, deletes its data, and starts an empty one on the same ports: a new cluster. */
    public void wipeAndRestart() {
        stop();
        deleteTree(dataDir());
        launch();
    }

    /** The etcd log so far, for failure messages. */
    public String log() {
        try {
            return Files.exists(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + logFile() + ": " + e.getMessage() + ")";
        }
    }

    /** Stops etcd and deletes its directory. */
    @Override
    public void close() {
        kill();
        deleteTree(home);
    }

    private Path dataDir() {
        return home.resolve("data");
    }

    private Path logFile() {
        return home.resolve("etcd.log");
    }

    private void launch() {
        spawn();
        awaitHealthy();
    }

    /** Starts the process without waiting: a cluster member becomes healthy only once a quorum runs. */
    void spawn() {
        String peer = peerUrl();
        List<String> command = new ArrayList<>(List.of(etcd.toString(),
                "--name", name,
                "--data-dir", dataDir().toString(),
                "--listen-client-urls", clientUrl(),
                "--advertise-client-urls", clientUrl(),
                "--listen-peer-urls", peer,
                "--initial-advertise-peer-urls", peer,
                "--listen-metrics-urls", metricsUrl(),
                "--initial-cluster", initialCluster,
                "--initial-cluster-token", clusterToken,
                "--initial-cluster-state", "new"));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + etcd, e);
        }
    }

    /** Starts a stopped member again (same ports and data) without waiting for it. */
    void respawn() {
        if (!isRunning()) {
            spawn();
        }
    }

    void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(metricsUrl() + "/health")).timeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("etcd exited with " + process.exitValue() + " while starting:\n" + tail(log()));
            }
            try {
                HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"true\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for etcd", e);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for etcd", e);
            }
        }
        kill();
        throw new IllegalStateException("etcd did not become healthy within " + START_TIMEOUT + ":\n" + tail(log()));
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
