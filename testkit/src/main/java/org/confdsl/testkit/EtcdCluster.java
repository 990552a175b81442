package org.confdsl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real etcd cluster of several members on 127.0.0.1 with free ports, each with its own data
 * directory, each stopped by its PID. Members can be killed and started again by index, and the
 * current leader found, to test fail-over.
 *
 * <pre>{@code
 * try (EtcdCluster cluster = EtcdCluster.start(3)) {
 *     int leader = cluster.leader();
 *     cluster.kill(leader);
 * }
 * }</pre>
 */
public final class EtcdCluster implements AutoCloseable {

    private static final Pattern MEMBER_ID = Pattern.compile("\"member_id\"\\s*:\\s*\"(\\d+)\"");
    private static final Pattern LEADER = Pattern.compile("\"leader\"\\s*:\\s*\"(\\d+)\"");

    private final List<EtcdProcess> members;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private EtcdCluster(List<EtcdProcess> members) {
        this.members = List.copyOf(members);
    }

    /**
     * Starts {@code size} members together and waits until every one is healthy (30 s at most each).
     *
     * @throws IllegalStateException when etcd is not installed (saying how to install it) or a member does not start
     */
    public static EtcdCluster start(int size) {
        Path binary = Executables.require("etcd", "etcd-server");
        List<EtcdProcess> members = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                Path home = Files.createTempDirectory(EtcdProcess.fastParent(), "confdsl-etcd-m" + i + "-");
                members.add(new EtcdProcess(binary, home, "m" + i, "http", FreePorts.next(), FreePorts.next(), List.of()));
            }
        } catch (IOException e) {
            members.forEach(EtcdProcess::close);
            throw new UncheckedIOException(e);
        }
        String initial = members.stream().map(m -> m.name() + "=" + m.peerUrl()).collect(Collectors.joining(","));
        String token = "confdsl-cluster-" + members.get(0).clientPort();
        EtcdCluster cluster = new EtcdCluster(members);
        try {
            // All at once: a member reports healthy only when a quorum of its peers runs.
            for (EtcdProcess m : members) {
                m.initialCluster(initial, token);
                m.spawn();
            }
            members.forEach(EtcdProcess::awaitHealthy);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The members' client URLs, in index order. */
    public List<String> clientUrls() {
        return members.stream().map(EtcdProcess::clientUrl).toList();
    }

    /** The member at {@code index}. */
    public EtcdProcess member(int index) {
        return members.get(index);
    }

    public int size() {
        return members.size();
    }

    /** Kills the member at {@code index} with SIGKILL; its data stays. */
    public void kill(int index) {
        members.get(index).kill();
    }

    /** Stops the member at {@code index} with SIGTERM; its data stays. */
    public void stop(int index) {
        members.get(index).stop();
    }

    /** Starts a stopped member again with its data and waits until it is healthy. */
    public void restart(int index) {
        EtcdProcess m = members.get(index);
        m.respawn();
        m.awaitHealthy();
    }

    /**
     * The index of the current leader, asked of the running members through etcd's HTTP gateway;
     * waits up to {@code timeout} for an election to finish.
     *
     * @throws IllegalStateException when no leader is known within {@code timeout}
     */
    public int leader(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            OptionalInt found = findLeader();
            if (found.isPresent()) {
                return found.getAsInt();
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("no etcd leader within " + timeout + " among " + clientUrls());
    }

    /** {@link #leader(Duration)} with 10 s. */
    public int leader() {
        return leader(Duration.ofSeconds(10));
    }

    /** Kills every member and deletes their directories. */
    @Override
    public void close() {
        members.forEach(EtcdProcess::close);
    }

    private OptionalInt findLeader() {
        List<String> ids = new ArrayList<>();
        String leader = null;
        for (EtcdProcess m : members) {
            String body = status(m);
            Matcher id = MEMBER_ID.matcher(body);
            Matcher l = LEADER.matcher(body);
            ids.add(id.find() ? id.group(1) : "");
            if (l.find() && !"0".equals(l.group(1))) {
                leader = l.group(1);
            }
        }
        int index = leader == null ? -1 : ids.indexOf(leader);
        return index < 0 || !members.get(index).isRunning() ? OptionalInt.empty() : OptionalInt.of(index);
    }

    private String status(EtcdProcess m) {
        if (!m.isRunning()) {
            return "";
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(m.clientUrl() + "/v3/maintenance/status"))
                .timeout(Duration.ofSeconds(1))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking etcd for its leader", e);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an etcd leader", e);
        }
    }
}
