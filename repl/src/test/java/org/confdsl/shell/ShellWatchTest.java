package org.confdsl.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.confdsl.cli.ExitCodes;
import org.confdsl.store.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch} streams changes; Ctrl-C stops it and the shell goes on with the next line. */
class ShellWatchTest {

    @TempDir
    Path tmp;

    @Test
    void ctrlCStopsTheWatchAndReturnsToThePrompt() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/app/port", "8080", "/other", "x"));
        try (ShellHarness shell = ShellHarness.onStore(() -> store, tmp).interactive(tmp.resolve("history"))) {
            ShellHarness.Running running = shell.start(new ByteArrayInputStream(
                    "watch /app\nget /app/port\n".getBytes(StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(10)).until(() -> shell.out().contains("Ctrl-C to stop"));

            store.put("/app/port", "8081");
            store.put("/other", "y");
            store.delete("/app/port");
            await().atMost(Duration.ofSeconds(10)).until(() -> shell.out().contains("delete /app/port"));
            shell.pressCtrlC();
            ShellHarness.Result r = running.await();

            assertThat(r.out()).contains("watching /app from revision 1 (1 keys); Ctrl-C to stop\n"
                    + "put /app/port = 8081 (revision 2)\n"
                    + "delete /app/port (revision 4)\n"
                    + "stopped watching /app\n");
            assertThat(r.out()).as("the change outside /app is not shown").doesNotContain("/other");
            assertThat(r.out()).as("the shell went on: a prompt, then the next command").contains("stopped watching /app\nconfdsl> ");
            assertThat(r.err()).contains("key /app/port not found");
            assertThat(r.code()).as("interactive: 0 at the end of input").isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void ctrlCStopsARunawayExpression() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/a", "1"));
        try (ShellHarness shell = ShellHarness.onStore(() -> store, tmp)) {
            ShellHarness.Running running = shell.start(new ByteArrayInputStream(
                    "= def i = 0; while (true) { i++ }\nget /a\n".getBytes(StandardCharsets.UTF_8)));
            // Bounded: press until the loop has started and been stopped; a press before it starts does nothing.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                shell.pressCtrlC();
                return shell.err().contains("stopped");
            });
            ShellHarness.Result r = running.await();

            assertThat(r.err()).isEqualTo("error: stopped\n");
            assertThat(r.out()).isEqualTo("1\n");
            assertThat(r.code()).isEqualTo(ExitCodes.INTERRUPTED);
        }
    }

    @Test
    void interactiveShellsKeepHistory() throws Exception {
        Path history = tmp.resolve("state/confdsl/history");
        try (ShellHarness shell = ShellHarness.onStore(() -> new MemoryStore(Map.of("/a", "1")), tmp).interactive(history)) {
            ShellHarness.Result r = shell.run("get /a\nls\n");

            assertThat(r.out()).startsWith("confdsl shell on memory store.").contains("confdsl> 1\n");
            assertThat(history).exists().content().contains("get /a").contains("ls");
        }
    }
}
