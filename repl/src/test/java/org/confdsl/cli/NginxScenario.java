package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.confdsl.dsl.DslLoader;
import org.confdsl.model.EngineModel;
import org.confdsl.model.StoreModel;
import org.confdsl.run.AppliedAwaiter;
import org.confdsl.run.StatusEntry;
import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.Stores;
import org.confdsl.testkit.Backends;
import org.confdsl.testkit.EtcdProcess;
import org.confdsl.testkit.FreePorts;
import org.confdsl.testkit.HostDirs;
import org.confdsl.testkit.NginxProcess;

/**
 * The SCENARIO on one machine, on loopback: a real etcd with /cloud/subdomain and
 * /cloud/upstream/{a,b,c,d}; four backends; and per host (web1, web2) a copy of
 * dsl-examples/nginx_rolling_upgrade with its own nginx prefix and port, and its own watch
 * daemon ({@code confdsl run SCRIPT --host NAME}, in this JVM) publishing its status.
 */
final class NginxScenario implements AutoCloseable {

    static final List<String> BACKENDS = List.of("a", "b", "c", "d");
    static final Duration SERVICE_TIME = Duration.ofMillis(50);

    /** One nginx host: its copy of the example, its nginx, its daemon. */
    record Host(String name, Path script, NginxProcess nginx, Thread daemon, AtomicReference<CliRunner.Result> exit) {
        Path dest() {
            return script.getParent().resolve("nginx/conf.d/cloud.conf");
        }
    }

    final EtcdProcess etcd;
    final Backends backends;
    final MutableKeyValueStore store;
    final Path backendCtl;
    final List<Host> hosts = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    NginxScenario(Path tmp, String... hostNames) {
        NginxProcess.binary();
        etcd = EtcdProcess.start();
        backends = new Backends(SERVICE_TIME);
        store = Stores.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
        backendCtl = backends.controlScript(tmp);
        try {
            startAll(tmp, hostNames);
        } catch (RuntimeException | Error e) {
            close(); // the test never gets the scenario to close: stop what started
            throw e;
        }
    }

    private void startAll(Path tmp, String... hostNames) {
        store.put("/cloud/subdomain", "cloud");
        for (String b : BACKENDS) {
            store.put("/cloud/upstream/" + b, backends.start(b));
        }
        for (String name : hostNames) {
            hosts.add(startHost(tmp, name));
        }
        for (Host h : hosts) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> BACKENDS.contains(get(h.nginx().url()).body().strip()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses().stream().filter(e -> e.applied() > 0).count() == hosts.size());
    }

    private Host startHost(Path tmp, String name) {
        Path example = HostDirs.copyTree(Examples.ROOT.resolve("nginx_rolling_upgrade"), tmp, name);
        Path dir = example.getParent();
        Path script = example.resolve("nginx_rolling_upgrade.groovy");
        NginxProcess nginx = NginxProcess.start(example.resolve("nginx"), FreePorts.next());
        AtomicReference<CliRunner.Result> exit = new AtomicReference<>();
        Thread daemon = new Thread(() -> exit.set(CliRunner.run("run", script.toString(), "--endpoints", etcd.clientUrl(),
                "--host", name, "--state-dir", dir.resolve("state").toString())), "daemon-" + name);
        daemon.start();
        return new Host(name, script, nginx, daemon, exit);
    }

    Host host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    /** The example's model with this scenario's etcd. */
    EngineModel model() {
        return new DslLoader().load(hosts.get(0).script()).withStore(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
    }

    List<StatusEntry> statuses() {
        return new AppliedAwaiter(store).statuses();
    }

    /** What a task's getenv sees: the backends' control script as BACKEND_CTL. */
    Map<String, String> env() {
        return Map.of("BACKEND_CTL", backendCtl.toString());
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Reloads one host's nginx the way its daemon does (the example's reload.sh). */
    void reload(Host h) throws IOException, InterruptedException {
        Path prefix = h.nginx().prefix();
        Process p = new ProcessBuilder("sh", prefix.resolve("reload.sh").toString(), prefix.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    /** Stops a daemon as Ctrl-C would; its status entries go with it. */
    void stopDaemon(Host h) throws InterruptedException {
        h.daemon().interrupt();
        h.daemon().join(Duration.ofSeconds(20).toMillis());
        assertThat(h.daemon().isAlive()).as("daemon %s stopped", h.name()).isFalse();
    }

    String nginxOutputs() {
        StringBuilder b = new StringBuilder();
        for (Host h : hosts) {
            b.append("--- nginx ").append(h.name()).append('\n').append(h.nginx().output());
            try {
                Path log = h.nginx().prefix().resolve("error.log");
                if (Files.exists(log)) {
                    b.append(Files.readString(log));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        for (Host h : hosts) {
            if (h.daemon().isAlive()) {
                try {
                    stopDaemon(h);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        hosts.forEach(h -> h.nginx().close());
        backends.close();
        store.close();
        etcd.close();
    }

    static Set<String> backendNames() {
        return Set.copyOf(BACKENDS);
    }
}
