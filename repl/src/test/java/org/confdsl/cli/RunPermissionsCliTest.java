package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;

import org.confdsl.testkit.EtcdProcess;
import org.confdsl.testkit.Etcdctl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 §1: a daemon whose etcd user may not write its own status says so at start, naming the user and the range. */
class RunPermissionsCliTest {

    @TempDir
    Path tmp;

    @Test
    void aDaemonStartedForAHostItsUserMayNotWriteForStopsAtOnceSayingWhatToGrant() throws Exception {
        try (EtcdProcess etcd = EtcdProcess.start()) {
            String url = etcd.clientUrl();
            Etcdctl.run(url, "put", "/cloud/subdomain", "cloud");
            Etcdctl.run(url, "put", "/cloud/upstream/a", "127.0.0.1:9001");
            Etcdctl.enableAuth(url, "root-pw");
            String root = "--user=root:root-pw";
            Etcdctl.run(url, root, "role", "add", "confdsl-web1");
            Etcdctl.run(url, root, "role", "grant-permission", "confdsl-web1", "--prefix=true", "read", "/cloud/");
            Etcdctl.run(url, root, "role", "grant-permission", "confdsl-web1", "--prefix=true", "readwrite", "/confdsl/status/web1/");
            Etcdctl.run(url, root, "role", "grant-permission", "confdsl-web1", "--prefix=true", "readwrite", "/confdsl/hosts/web1/");
            Etcdctl.run(url, root, "user", "add", "web1", "--new-user-password=web1-pw");
            Etcdctl.run(url, root, "user", "grant-role", "web1", "confdsl-web1");
            Path password = Files.writeString(tmp.resolve("web1.pw"), "web1-pw\n");
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
            Path script = Examples.copy("etcd_upstreams", tmp).resolve("etcd_upstreams.groovy");

            AtomicReference<CliRunner.Result> result = new AtomicReference<>();
            Thread daemon = new Thread(() -> result.set(CliRunner.run("run", script.toString(), "--host", "web10", "--endpoints", url,
                    "--user", "web1", "--password-file", password.toString(), "--state-dir", tmp.resolve("state").toString())),
                    "confdsl-under-test");
            daemon.start();
            daemon.join(60_000);
            if (daemon.isAlive()) {
                daemon.interrupt();
                daemon.join(20_000);
                throw new AssertionError("the daemon did not stop at start: " + result.get());
            }
            CliRunner.Result r = result.get();

            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.STORE);
            assertThat(r.err()).contains("etcd user 'web1' may not write /confdsl/status/web10/ and /confdsl/hosts/web10/")
                    .contains("--prefix=true readwrite /confdsl/status/web10/").doesNotContain("web1-pw");
            assertThat(Etcdctl.run(url, root, "get", "--prefix", "/confdsl/")).as("the check wrote nothing").isEmpty();
        }
    }
}
