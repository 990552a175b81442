package org.confdsl.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.confdsl.model.StoreModel;
import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.Stores;
import org.confdsl.testkit.EtcdProcess;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key commands, completion and watch against a real etcd on 127.0.0.1; each test under its own prefix. */
class ShellEtcdTest {

    static EtcdProcess etcd;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdProcess.start();
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    static MutableKeyValueStore open() {
        return Stores.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
    }

    @Test
    void putLsGetRmOnEtcd() throws Exception {
        try (ShellHarness shell = ShellHarness.onStore(ShellEtcdTest::open, tmp)) {
            ShellHarness.Result r = shell.run("put /sh/cloud/upstream/a 10.0.0.1:80\nput /sh/cloud/upstream/b 10.0.0.2:80\n"
                    + "put /sh/cloud/subdomain cloud\nls /sh\nget /sh/cloud/subdomain\n= getvs('/sh/cloud/upstream/*')\n"
                    + "rm /sh/cloud --prefix\ny\nls /sh --format json\n");

            assertThat(r.err()).isEmpty();
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("""
                    /sh/ (3 keys)
                    └── cloud/ (3 keys)
                        ├── subdomain = cloud
                        └── upstream/ (2 keys)
                            ├── a = 10.0.0.1:80
                            └── b = 10.0.0.2:80
                    cloud
                    [10.0.0.1:80, 10.0.0.2:80]
                    remove 3 keys under /sh/cloud? [y/N] removed 3 keys""").containsPattern("\\{\"revision\":\\d+,\"keys\":\\{}}\n$");
        }
    }

    @Test
    void completionAndWatchFollowEtcd() throws Exception {
        try (MutableKeyValueStore writer = open();
                ShellHarness shell = ShellHarness.onStore(ShellEtcdTest::open, tmp)) {
            writer.put("/cw/app/port", "8080");
            assertThat(new KeyPathCompleter(shell.workspace::store).candidates("/cw/a").stream().map(Candidate::value))
                    .containsExactly("/cw/app/");

            ShellHarness.Running running = shell.start(new ByteArrayInputStream("watch /cw\nget /cw/app/port\n"
                    .getBytes(StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(10)).until(() -> shell.out().contains("Ctrl-C to stop"));
            long revision = writer.put("/cw/app/port", "8081");
            await().atMost(Duration.ofSeconds(10)).until(() -> shell.out().contains("put /cw/app/port = 8081"));
            shell.pressCtrlC();
            ShellHarness.Result r = running.await();

            assertThat(r.out()).contains("put /cw/app/port = 8081 (revision " + revision + ")\nstopped watching /cw\n8081\n");
            assertThat(r.code()).isZero();
        }
    }
}
