package org.confdsl.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confdsl.dsl.DslLoader;
import org.confdsl.dsl.internal.CommandWords;
import org.confdsl.model.EngineModel;
import org.confdsl.model.Secret;
import org.confdsl.model.StoreModel;
import org.confdsl.run.Engine;
import org.confdsl.run.HostGrants;
import org.confdsl.run.HostRegistry;
import org.confdsl.run.StatusPublisher;
import org.confdsl.store.EtcdStore;
import org.confdsl.store.StoreException;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;
import org.confdsl.testkit.EtcdProcess;
import org.confdsl.testkit.Etcdctl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 §1: the README's "Permissions" lines, run as they are against a real etcd with
 * authentication, give a daemon and a task exactly what they need, and no host can write
 * another's status.
 */
class EtcdPermissionsTest {

    static final Path README = Path.of("..", "README.md").toAbsolutePath().normalize();
    static final Map<String, String> PASSWORDS = Map.of("$ROOT_PASSWORD", "root-pw", "$WEB1_PASSWORD", "web1-pw",
            "$OPERATOR_PASSWORD", "operator-pw");

    @TempDir
    Path dir;

    /** The etcdctl lines of the README's Permissions section, passwords filled in, split into arguments. */
    static List<List<String>> readmeLines() throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("\n## Permissions\n");
        assertThat(section).as("README has a Permissions section").isPositive();
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        List<List<String>> lines = new ArrayList<>();
        for (String line : block.lines().toList()) {
            if (line.startsWith("etcdctl ")) {
                String filled = line;
                for (Map.Entry<String, String> e : PASSWORDS.entrySet()) {
                    filled = filled.replace(e.getKey(), e.getValue());
                }
                assertThat(filled).doesNotContain("$");
                List<String> words = CommandWords.split(filled);
                lines.add(words.subList(1, words.size()));
            }
        }
        assertThat(lines).hasSizeGreaterThan(10);
        return lines;
    }

    EngineModel model(String endpoint, String user, String password) throws IOException {
        Files.writeString(dir.resolve("cloud.tmpl"), "upstream ${getv('/subdomain')} {\n<% getvs('/upstream/*').each { %>    server ${it};\n<% } %>}\n");
        Path script = dir.resolve("cloud.groovy");
        Files.writeString(script, """
                resource('cloud') {
                    prefix   '/cloud'
                    keys     '/subdomain', '/upstream'
                    template 'cloud.tmpl'
                    dest     'out/cloud.conf'
                    mkdirs   true
                }
                task('upgrade') { String name ->
                    def backend = drain "/cloud/upstream/$name", timeout: '30s'
                    restore backend, timeout: '30s'
                }
                """);
        Duration t = Duration.ofSeconds(5);
        return new DslLoader().load(script).withStore(new StoreModel.Etcd(List.of(endpoint), Optional.of(user),
                Optional.of(Secret.literal(password)), Optional.empty(), Optional.empty(), Optional.empty(), t, t));
    }

    static EtcdStore open(EngineModel m) {
        return EtcdStore.open((StoreModel.Etcd) m.store());
    }

    @Test
    void theReadmesRolesRunADaemonAndATaskAndNoHostCanWriteAnothersStatus() throws Exception {
        try (EtcdProcess etcd = EtcdProcess.start()) {
            String url = etcd.clientUrl();
            Etcdctl.run(url, "put", "/cloud/subdomain", "cloud");
            Etcdctl.run(url, "put", "/cloud/upstream/a", "127.0.0.1:9001");
            Etcdctl.run(url, "put", "/cloud/upstream/b", "127.0.0.1:9002");
            Etcdctl.run(url, "put", "/confdsl/status/web2/cloud", "{}"); // another host's entry, as root before auth
            for (List<String> args : readmeLines()) {
                Etcdctl.run(url, args.toArray(String[]::new));
            }
            EngineModel asWeb1 = model(url, "web1", "web1-pw");
            EngineModel asOperator = model(url, "operator", "operator-pw");
            try (EtcdStore web1 = open(asWeb1); EtcdStore operator = open(asOperator)) {
                // web1 may do what its daemon does, and nothing for another host
                HostGrants.check(web1, "web1", Optional.of("web1"));
                assertThatThrownBy(() -> HostGrants.check(web1, "web2", Optional.of("web1")))
                        .isInstanceOf(StoreException.class)
                        .hasMessageStartingWith("etcd user 'web1' may not write /confdsl/status/web2/ and /confdsl/hosts/web2/")
                        .hasMessageContaining("etcdctl role grant-permission ROLE --prefix=true readwrite /confdsl/status/web2/");
                assertThatThrownBy(() -> HostGrants.check(web1, "web10", Optional.of("web1"))).isInstanceOf(StoreException.class);
                for (String key : List.of("/confdsl/status/web2/cloud", "/confdsl/status/web10/cloud", "/confdsl/status/x", "/cloud/upstream/a")) {
                    assertThatThrownBy(() -> web1.put(key, "{\"outcome\":\"CHECK_FAILED\"}")).as(key)
                            .isInstanceOf(StoreException.class).hasMessageContaining("permission denied");
                }
                assertThatThrownBy(() -> web1.delete("/confdsl/status/web2/cloud")).hasMessageContaining("permission denied");
                assertThat(operator.snapshot(List.of("/confdsl/status/web2")).entries()).containsKey("/confdsl/status/web2/cloud");
                assertThatThrownBy(() -> operator.put("/confdsl/status/web1/cloud", "{}")).hasMessageContaining("permission denied");
                // the planted web2 entry has no lease and no daemon behind it: root removes it before the task waits
                Etcdctl.run(url, "--user=root:root-pw", "del", "/confdsl/status/web2/cloud");

                // what a daemon writes at start: its registration, under its own /confdsl/hosts/web1/
                new HostRegistry(web1).register("web1", List.of("cloud"), "cloud.groovy", "web1");
                List<Throwable> daemonErrors = new CopyOnWriteArrayList<>();
                Engine engine = new Engine(asWeb1, web1, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()));
                Thread daemon = new Thread(() -> {
                    try (StatusPublisher status = new StatusPublisher(web1, "web1", Duration.ofSeconds(5))) {
                        engine.watch(SyncOptions.DEFAULT, status, Duration.ofMinutes(10));
                    } catch (InterruptedException e) {
                        // stopped by the test
                    } catch (RuntimeException e) {
                        daemonErrors.add(e);
                    }
                }, "daemon-web1");
                daemon.start();
                try {
                    // a drain starts only once the hosts serving 'cloud' report
                    await().atMost(Duration.ofSeconds(30)).until(() -> operator.snapshot(List.of("/confdsl/status/web1")).entries()
                            .containsKey("/confdsl/status/web1/cloud"));
                    RecordingTaskListener listener = new RecordingTaskListener();
                    new TaskRunner(asOperator, operator, listener, Map.of()).run("upgrade", List.of("a"), false);
                    assertThat(listener.events).anyMatch(e -> e.contains("done drain /cloud/upstream/a") && e.contains("cloud applied by web1"));
                    assertThat(listener.events).anyMatch(e -> e.contains("done restore /cloud/upstream/a") && e.contains("cloud applied by web1"));
                    assertThat(Files.readString(dir.resolve("out/cloud.conf"))).contains("server 127.0.0.1:9001;");
                } finally {
                    daemon.interrupt();
                    daemon.join(10_000);
                }
                assertThat(daemon.isAlive()).isFalse();
                assertThat(daemonErrors).isEmpty();
            }
        }
    }
}
