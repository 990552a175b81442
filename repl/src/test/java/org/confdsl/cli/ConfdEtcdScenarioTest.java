package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.confdsl.testkit.EtcdProcess;
import org.confdsl.testkit.Etcdctl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": the SCENARIO's own {@code cloud.toml} and {@code cloud.conf.tmpl}
 * (byte for byte; only {@code dest}'s directory is moved to a temp dir) run with
 * {@code confdsl confd -onetime -backend etcd -node http://127.0.0.1:PORT} against a real etcd, as a
 * separate process, and write exactly the bytes confd wrote for them ({@code confd/cloud/expected},
 * recorded from confd itself), then run the reload command through {@code /bin/sh -c}.
 */
class ConfdEtcdScenarioTest {

    static EtcdProcess etcd;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdProcess.start();
        Etcdctl.run(etcd.clientUrl(), "put", "/cloud/subdomain", "cloud");
        Etcdctl.run(etcd.clientUrl(), "put", "/cloud/upstream/127.0.0.1_1337", "127.0.0.1:1337");
        Etcdctl.run(etcd.clientUrl(), "put", "/cloud/upstream/127.0.0.1_1338", "127.0.0.1:1338");
        Etcdctl.run(etcd.clientUrl(), "put", "/cloudy/upstream/x", "not-selected");
    }

    @AfterAll
    static void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    Path setUp(boolean withTemplateTable) throws IOException {
        Path out = dir.resolve("nginx-conf.d");
        Path confdir = ConfdFixtures.copy("cloud", dir.resolve("confd"), out);
        Path toml = confdir.resolve("conf.d/cloud.toml");
        String text = Files.readString(toml).replace("/etc/nginx/conf.d/cloud.conf", out.resolve("cloud.conf").toString());
        Files.writeString(toml, (withTemplateTable ? "[template]\n" : "") + text);
        return confdir;
    }

    ConfdProgram.Result confd(Path confdir, Path calls) throws IOException {
        Path bin = ConfdProgram.fakeNginx(dir, calls);
        return ConfdProgram.run(dir, Map.of("PATH", bin + ":" + System.getenv("PATH")), List.of(
                "confd", "-onetime", "-backend", "etcd", "-node", etcd.clientUrl(), "-confdir", confdir.toString(),
                "-config-file", dir.resolve("no-confd.toml").toString(), "--state-dir", dir.resolve("state").toString()));
    }

    @Test
    void theScenariosOwnFilesRenderTheBytesConfdWritesAndReloadNginx() throws IOException {
        Path confdir = setUp(false);
        Path calls = dir.resolve("nginx-calls.txt");
        ConfdProgram.Result r = confd(confdir, calls);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("nginx-conf.d/cloud.conf"))).isEqualTo(ConfdFixtures.expected("cloud", "cloud.conf"));
        assertThat(Files.readString(calls)).isEqualTo("-s reload\n");
        assertThat(r.err()).contains("WARNING " + confdir.resolve("conf.d/cloud.toml") + ": the keys are at the top level")
                .contains("INFO Target config " + dir.resolve("nginx-conf.d/cloud.conf") + " has been updated");

        ConfdProgram.Result again = confd(confdir, calls);
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(Files.readString(calls)).as("in sync: no second reload").isEqualTo("-s reload\n");
    }

    @Test
    void withATemplateTableAsConfdNeedsItTheOutputIsTheSameAndNothingIsWarned() throws IOException {
        Path confdir = setUp(true);
        ConfdProgram.Result r = confd(confdir, dir.resolve("calls.txt"));

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("nginx-conf.d/cloud.conf"))).isEqualTo(ConfdFixtures.expected("cloud", "cloud.conf"));
        assertThat(r.err()).doesNotContain("WARNING");
    }

    @Test
    void watchModeAppliesAKeyPutWithEtcdctlPut() throws Exception {
        Path confdir = setUp(true);
        Path calls = dir.resolve("calls.txt");
        Path bin = ConfdProgram.fakeNginx(dir, calls);
        Path dest = dir.resolve("nginx-conf.d/cloud.conf");
        Process daemon = ConfdProgram.start(dir, java.util.Map.of("PATH", bin + ":" + System.getenv("PATH")), List.of(
                "confd", "-watch", "-backend", "etcd", "-node", etcd.clientUrl(), "-confdir", confdir.toString(),
                "-config-file", dir.resolve("no-confd.toml").toString(), "--state-dir", dir.resolve("state").toString()));
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> Files.exists(dest) && java.util.Arrays.equals(Files.readAllBytes(dest), ConfdFixtures.expected("cloud", "cloud.conf")));
            Etcdctl.run(etcd.clientUrl(), "put", "/cloud/upstream/127.0.0.1_1339", "127.0.0.1:1339");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> Files.readString(dest).contains("server 127.0.0.1:1339;"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> Files.exists(calls) && Files.readString(calls).equals("-s reload\n-s reload\n"));
        } finally {
            daemon.destroy();
            if (!daemon.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
            Etcdctl.run(etcd.clientUrl(), "del", "/cloud/upstream/127.0.0.1_1339");
        }
    }
}
