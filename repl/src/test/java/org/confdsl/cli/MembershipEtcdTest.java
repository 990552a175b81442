package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.confdsl.model.StoreModel;
import org.confdsl.run.AppliedAwaiter;
import org.confdsl.run.StatusEntry;
import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.Stores;
import org.confdsl.testkit.EtcdProcess;
import org.confdsl.testkit.HostDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's reproductions against a real etcd with watch daemons as real processes: a frozen
 * daemon (SIGSTOP) must never count as "applied", a drain that no daemon serves changes nothing,
 * and awaitApplied without a revision ends while daemons keep publishing.
 */
class MembershipEtcdTest {

    static final String SCRIPT = """
            store etcd('http://127.0.0.1:1')
            resource('cloud') {
                prefix   '/cloud'
                keys     '/upstream'
                template 'cloud.tmpl'
                dest     "$scriptDir/out/cloud.conf"
                mkdirs   true
            }
            task('drainOne') { String name ->
                drain "/cloud/upstream/$name", timeout: '20s'
                log "drained $name"
            }
            task('settle') {
                awaitApplied 'cloud', timeout: '10s'
            }
            """;

    @TempDir
    Path tmp;

    EtcdProcess etcd;
    MutableKeyValueStore store;
    Path script;
    final List<DaemonProcess> daemons = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        etcd = EtcdProcess.start();
        store = Stores.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
        script = tmp.resolve("fleet.groovy");
        Files.writeString(script, SCRIPT);
        Files.writeString(tmp.resolve("cloud.tmpl"), "<% getvs('/upstream/*').each { %>server ${it};\n<% } %>");
        store.put("/cloud/upstream/a", "127.0.0.1:1001");
        store.put("/cloud/upstream/b", "127.0.0.1:1002");
    }

    @AfterEach
    void tearDown() {
        daemons.forEach(DaemonProcess::close);
        if (store != null) {
            store.close();
        }
        if (etcd != null) {
            etcd.close();
        }
    }

    DaemonProcess startDaemon(String host) {
        // one confdsl per destination: the same script and template, from a directory of the host's own
        Path hostDir = HostDirs.copyFiles(tmp.resolve("hosts"), host, script, tmp.resolve("cloud.tmpl"));
        DaemonProcess d = DaemonProcess.start(hostDir.resolve(script.getFileName()), host, tmp.resolve("daemons"),
                "--endpoints", etcd.clientUrl(), "--status-ttl", "2s");
        daemons.add(d);
        return d;
    }

    void awaitApplied(String... hosts) {
        await().atMost(Duration.ofSeconds(60)).until(() -> new AppliedAwaiter(store).statuses().stream()
                .filter(e -> e.applied() > 0).map(StatusEntry::host).distinct().count() == hosts.length);
    }

    CliRunner.Result task(String... args) {
        List<String> all = new ArrayList<>(List.of("run", script.toString()));
        all.addAll(List.of(args));
        all.addAll(List.of("--endpoints", etcd.clientUrl()));
        return CliRunner.run(all.toArray(String[]::new));
    }

    String logs() {
        StringBuilder b = new StringBuilder();
        daemons.forEach(d -> b.append("--- ").append(d.host()).append('\n').append(d.log()));
        return b.toString();
    }

    /** web1 and web2 serve and have applied; then web2 is frozen (SIGSTOP; resumed in cleanup). */
    void twoHostsThenFreezeWeb2() {
        startDaemon("web1");
        DaemonProcess web2 = startDaemon("web2");
        awaitApplied("web1", "web2");
        web2.freeze();
    }

    /** Until {@code host}'s status entries are gone (its lease expired). */
    void awaitSilent(String host) {
        await().atMost(Duration.ofSeconds(30)).until(() -> new AppliedAwaiter(store).statuses().stream()
                .noneMatch(e -> e.host().equals(host)));
    }

    @Test
    void aDrainNeverReportsOkWhileAServingHostIsFrozen() {
        twoHostsThenFreezeWeb2();

        CliRunner.Result r = task("drainOne", "a");

        assertThat(r.code()).as(r + logs()).isEqualTo(ExitCodes.TASK_FAILED);
        assertThat(r.out()).doesNotContain("drained a");
        assertThat(r.err()).contains("web2");
    }

    @Test
    void aDrainRefusesToStartWhileARegisteredHostIsSilentAndChangesNothing() {
        twoHostsThenFreezeWeb2();
        awaitSilent("web2");

        CliRunner.Result dry = task("drainOne", "a", "--dry-run");
        CliRunner.Result r = task("drainOne", "a");

        assertThat(r.code()).as(r + logs()).isEqualTo(ExitCodes.TASK_FAILED);
        assertThat(r.err()).contains("web2");
        assertThat(store.snapshot(List.of("/cloud/upstream/a")).entries()).containsKey("/cloud/upstream/a");
        assertThat(dry.code()).as("the dry run agrees: %s", dry).isEqualTo(ExitCodes.TASK_FAILED);
        assertThat(dry.err()).contains("web2");
    }

    @Test
    void anOperatorSeesTheSilentHostGoesOnKnowinglyOrForgetsIt() {
        twoHostsThenFreezeWeb2();
        awaitSilent("web2");

        CliRunner.Result hosts = CliRunner.run("hosts", "--endpoints", etcd.clientUrl());
        CliRunner.Result allowed = task("drainOne", "a", "--allow-missing", "web2");
        CliRunner.Result forget = CliRunner.run("hosts", "forget", "web2", "--endpoints", etcd.clientUrl());
        CliRunner.Result after = task("drainOne", "b");
        CliRunner.Result unknown = CliRunner.run("hosts", "forget", "web9", "--endpoints", etcd.clientUrl());

        assertThat(hosts.out()).containsPattern("web1\\s+live\\s+cloud").containsPattern("web2\\s+silent\\s+cloud");
        assertThat(allowed.code()).as(allowed + logs()).isZero();
        assertThat(allowed.out()).contains("'cloud' goes on without web2 (--allow-missing)", "cloud applied by web1", "drained a");
        assertThat(forget.code()).as(forget.toString()).isZero();
        assertThat(forget.out()).contains("forgot web2");
        assertThat(after.code()).as(after + logs()).isZero();
        assertThat(unknown.code()).isEqualTo(ExitCodes.KEY_NOT_FOUND);
        assertThat(unknown.err()).contains("host web9 is not registered", "registered: web1");
    }

    @Test
    void theStatusEntryBeatsAndNamesTheEtcdUser() throws Exception {
        org.confdsl.testkit.Etcdctl.enableAuth(etcd.clientUrl(), "s3cret");
        Path password = tmp.resolve("password");
        Files.writeString(password, "s3cret\n");
        DaemonProcess d = DaemonProcess.start(script, "web1", tmp.resolve("daemons"), "--endpoints", etcd.clientUrl(),
                "--user", "root", "--password-file", password.toString(), "--status-ttl", "3s");
        daemons.add(d);
        try (MutableKeyValueStore root = Stores.open(new StoreModel.Etcd(List.of(etcd.clientUrl()), java.util.Optional.of("root"),
                java.util.Optional.of(org.confdsl.model.Secret.literal("s3cret")), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(5)))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> new AppliedAwaiter(root).statuses().size() == 1);
            StatusEntry first = new AppliedAwaiter(root).statuses().get(0);
            await().atMost(Duration.ofSeconds(20)).until(() -> new AppliedAwaiter(root).statuses().get(0).beat().isAfter(first.beat()));

            assertThat(first.user()).isEqualTo("root");
            assertThat(first.beatEvery()).isEqualTo(Duration.ofSeconds(1));
            assertThat(new org.confdsl.run.HostRegistry(root).find("web1")).hasValueSatisfying(r -> {
                assertThat(r.resources()).containsExactly("cloud");
                assertThat(r.user()).isEqualTo("root");
            });
        }
    }

    @Test
    void aDrainWithNoDaemonRunningChangesNothing() {
        CliRunner.Result dry = task("drainOne", "a", "--dry-run");
        CliRunner.Result r = task("drainOne", "a");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.TASK_FAILED);
        assertThat(r.err()).contains("no confdsl daemon serves 'cloud'");
        assertThat(store.snapshot(List.of("/cloud/upstream/a")).entries()).containsKey("/cloud/upstream/a");
        assertThat(dry.code()).as("the dry run agrees: %s", dry).isEqualTo(ExitCodes.TASK_FAILED);
    }

    @Test
    void awaitAppliedWithoutARevisionEndsWhileDaemonsRun() {
        startDaemon("web1");
        startDaemon("web2");
        awaitApplied("web1", "web2");

        CliRunner.Result r = task("settle");

        assertThat(r.code()).as(r + logs()).isZero();
        assertThat(r.out()).contains("cloud applied by web1, web2");
    }
}
