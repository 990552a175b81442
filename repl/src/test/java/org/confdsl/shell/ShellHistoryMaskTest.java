package org.confdsl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.confdsl.store.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 §4: the shell's history keeps {@code put} lines without their values. */
class ShellHistoryMaskTest {

    @TempDir
    Path tmp;

    @Test
    void aPutValueNeverReachesTheHistoryFileButTheCommandAndKeyDo() throws Exception {
        Path history = tmp.resolve("history");
        MemoryStore store = new MemoryStore(Map.of("/app/a", "1"));
        try (ShellHarness shell = ShellHarness.onStore(() -> store, tmp).interactive(history)) {
            ShellHarness.Result r = shell.run("put /app/dbpass hunter2-s3cret\nput /app/neg -- -secret-7\nget /app/dbpass\nexit\n");
            assertThat(r.out()).contains("hunter2-s3cret"); // the get printed it: the put happened
        }
        String saved = Files.readString(history);
        assertThat(saved).contains("put /app/dbpass ****", "put /app/neg ****", "get /app/dbpass")
                .doesNotContain("hunter2").doesNotContain("secret-7");
    }

    @Test
    void onlyPutValuesAreMasked() {
        assertThat(HistoryMask.of("put /app/dbpass hunter2")).isEqualTo("put /app/dbpass ****");
        assertThat(HistoryMask.of("  put --format json /app/motd \"hello world\"")).isEqualTo("  put --format json /app/motd ****");
        assertThat(HistoryMask.of("put /app/k -- -1")).isEqualTo("put /app/k ****");
        assertThat(HistoryMask.of("put hunter2")).isEqualTo("put ****");
        assertThat(HistoryMask.of("put /app/k")).isEqualTo("put /app/k");
        assertThat(HistoryMask.of("get /app/dbpass")).isEqualTo("get /app/dbpass");
        assertThat(HistoryMask.of("putx /a b")).isEqualTo("putx /a b");
        assertThat(HistoryMask.of("ls /app")).isEqualTo("ls /app");
    }
}
