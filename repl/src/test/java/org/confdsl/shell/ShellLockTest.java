package org.confdsl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.confdsl.sync.recovery.DestinationLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's {@code sync} waits briefly for a destination another writer holds, then names it. */
class ShellLockTest {

    @TempDir
    Path tmp;

    @Test
    void syncWaitsForTheHolderThenSaysWhoItIs() throws Exception {
        Path example = ShellHarness.example("quickstart", tmp);
        Path dest = Files.createDirectories(example.resolve("out")).resolve("app.conf");
        DestinationLock held = DestinationLock.acquire(dest, Duration.ZERO, "confdsl daemon");
        ShellHarness.Result refused;
        try (ShellHarness shell = ShellHarness.onScript(example.resolve("quickstart.groovy"), tmp.resolve("state"))) {
            refused = shell.run("sync app\n");
        } finally {
            held.close();
        }
        assertThat(refused.out() + refused.err()).as(refused.toString())
                .contains("app FAILED " + dest, "is being written by confdsl daemon (pid " + ProcessHandle.current().pid(),
                        "(this process) (waited 5s); one confdsl per destination");
        assertThat(dest).doesNotExist();

        try (ShellHarness shell = ShellHarness.onScript(example.resolve("quickstart.groovy"), tmp.resolve("state"))) {
            ShellHarness.Result r = shell.run("sync app\n");
            assertThat(r.out()).as(r.toString()).contains("app UPDATED " + dest);
        }
    }
}
