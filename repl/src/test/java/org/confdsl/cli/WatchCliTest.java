package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --watch} and {@code run --interval} on the file store follow edits of the key file. */
class WatchCliTest {

    @TempDir
    Path tmp;

    @Test
    void watchAppliesAnEditOfTheKeyFileAndStopsWhenInterrupted() throws Exception {
        follow("--watch");
    }

    @Test
    void watchWithAnIntervalIsWatchModeWithThatReconcile() throws Exception {
        follow("--watch", "--interval", "1m");
    }

    /**
     * {@code --watch --interval DUR} reconciles every DUR: a destination edited by hand (which no
     * key change announces) is put back by the next reconcile, not after the default 10 minutes.
     */
    @Test
    void watchWithAShortIntervalPutsBackAHandEditedDestination() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        Path dest = example.resolve("out/app.conf");
        String[] args = {"run", example.resolve("quickstart.groovy").toString(), "--state-dir",
            tmp.resolve("state").toString(), "--watch", "--interval", "300ms"};
        AtomicReference<CliRunner.Result> result = new AtomicReference<>();
        Thread daemon = new Thread(() -> result.set(CliRunner.run(args)), "confdsl-under-test");
        daemon.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dest));
            String rendered = Files.readString(dest);
            Files.writeString(dest, "edited by hand\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(dest).equals(rendered));
        } finally {
            daemon.interrupt();
            daemon.join(Duration.ofSeconds(20).toMillis());
        }
        assertThat(daemon.isAlive()).isFalse();
        assertThat(result.get().out()).contains("app UPDATED " + dest + " (revision 1)");
    }

    @Test
    void intervalAppliesAnEditOfTheKeyFile() throws Exception {
        follow("--interval", "200ms");
    }

    private void follow(String... mode) throws IOException, InterruptedException {
        Path example = Examples.copy("quickstart", tmp);
        Path dest = example.resolve("out/app.conf");
        Path keys = example.resolve("keys.yaml");
        String[] args = new String[4 + mode.length];
        args[0] = "run";
        args[1] = example.resolve("quickstart.groovy").toString();
        args[2] = "--state-dir";
        args[3] = tmp.resolve("state").toString();
        System.arraycopy(mode, 0, args, 4, mode.length);
        AtomicReference<CliRunner.Result> result = new AtomicReference<>();
        Thread daemon = new Thread(() -> result.set(CliRunner.run(args)), "confdsl-under-test");
        daemon.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dest));
            Files.writeString(keys, Files.readString(keys).replace("port: 8080", "port: 8181"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(
                    () -> assertThat(Files.readString(dest)).contains("listen 8181;"));
        } finally {
            daemon.interrupt();
            daemon.join(Duration.ofSeconds(20).toMillis());
        }
        assertThat(daemon.isAlive()).isFalse();
        assertThat(result.get().code()).as(result.get().toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(result.get().out()).contains("app UPDATED " + dest + " (revision 1)", "app UPDATED " + dest + " (revision 2)");
    }
}
