package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.confdsl.testkit.EtcdProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The etcd_upstreams example run and rendered against a real etcd, its endpoint given by --endpoints. */
class RunEtcdCliTest {

    @TempDir
    Path tmp;

    EtcdProcess etcd;
    Path script;
    Path dest;

    @BeforeEach
    void setUp() {
        etcd = EtcdProcess.start();
        Path example = Examples.copy("etcd_upstreams", tmp);
        script = example.resolve("etcd_upstreams.groovy");
        dest = example.resolve("out/cloud.conf");
        put("/cloud/subdomain", "cloud");
        put("/cloud/upstream/backend_a", "127.0.0.1:1337");
        put("/cloud/upstream/backend_b", "127.0.0.1:1338");
    }

    @AfterEach
    void tearDown() {
        etcd.close();
    }

    void put(String key, String value) {
        CliRunner.Result r = CliRunner.run("keys", "put", "--endpoints", etcd.clientUrl(), key, value);
        assertThat(r.code()).as(r.toString()).isZero();
    }

    @Test
    void renderAndRunOnceMatchTheGoldenFile() throws Exception {
        String golden = Files.readString(Examples.ROOT.resolve("etcd_upstreams/expected/cloud.conf"));

        CliRunner.Result render = CliRunner.run("render", script.toString(), "--endpoints", etcd.clientUrl());
        CliRunner.Result once = CliRunner.run("run", script.toString(), "--once", "--endpoints", etcd.clientUrl(),
                "--state-dir", tmp.resolve("state").toString());

        assertThat(render.code()).as(render.toString()).isZero();
        assertThat(render.out()).isEqualTo(golden);
        assertThat(once.code()).as(once.toString()).isZero();
        assertThat(once.out()).startsWith("cloud UPDATED " + dest);
        assertThat(Files.readString(dest)).isEqualTo(golden);
    }

    @Test
    void watchFollowsAPutInEtcd() throws Exception {
        AtomicReference<CliRunner.Result> result = new AtomicReference<>();
        Thread daemon = new Thread(() -> result.set(CliRunner.run("run", script.toString(), "--endpoints", etcd.clientUrl(),
                "--state-dir", tmp.resolve("state").toString())), "confdsl-under-test");
        daemon.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dest));
            put("/cloud/upstream/backend_c", "127.0.0.1:1339");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(
                    () -> assertThat(Files.readString(dest)).contains("server 127.0.0.1:1339;"));
        } finally {
            daemon.interrupt();
            daemon.join(Duration.ofSeconds(20).toMillis());
        }
        assertThat(daemon.isAlive()).isFalse();
        assertThat(result.get().code()).as(result.get().toString()).isEqualTo(ExitCodes.INTERRUPTED);
    }

    @Test
    void anUnreachableEtcdMakesRunOnceExit6() {
        etcd.stop();

        CliRunner.Result r = CliRunner.run("run", script.toString(), "--once", "--endpoints", etcd.clientUrl(),
                "--timeout", "1s", "--state-dir", tmp.resolve("state").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.STORE);
        assertThat(r.err().lines()).as(r.err()).hasSize(1);
    }
}
