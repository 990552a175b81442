package org.confdsl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.confdsl.cli.ExitCodes;
import org.confdsl.store.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key commands through the shell's loop, on the file store of the quickstart and on a memory store. */
class ShellKeysTest {

    @TempDir
    Path tmp;

    @Test
    void lsDrawsATreeWithCounts() throws Exception {
        Path example = ShellHarness.example("quickstart", tmp);
        try (ShellHarness shell = ShellHarness.onScript(example.resolve("quickstart.groovy"), tmp.resolve("state"))) {
            ShellHarness.Result r = shell.run("ls /app\nls /app/upstream --format text\n");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).isEqualTo("""
                    /app/ (4 keys)
                    ├── name = demo
                    ├── port = 8080
                    └── upstream/ (2 keys)
                        ├── a = 127.0.0.1:9001
                        └── b = 127.0.0.1:9002
                    /app/upstream/a = 127.0.0.1:9001
                    /app/upstream/b = 127.0.0.1:9002
                    """);
        }
    }

    @Test
    void putThenGetWritesTheKeyFile() throws Exception {
        Path example = ShellHarness.example("quickstart", tmp);
        try (ShellHarness shell = ShellHarness.onScript(example.resolve("quickstart.groovy"), tmp.resolve("state"))) {
            ShellHarness.Result r = shell.run("put /app/port 8081\nget /app/port\nput /app/motd \"hello world\"\nget /app/motd\n");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).isEqualTo("revision 2\n8081\nrevision 3\nhello world\n");
            assertThat(example.resolve("keys.yaml")).content().contains("port: '8081'").contains("hello world");
        }
    }

    @Test
    void rmOfAPrefixAsksFirst() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/a/x", "1", "/a/y", "2", "/b", "3"));
        try (ShellHarness shell = ShellHarness.onStore(() -> store, tmp)) {
            ShellHarness.Result r = shell.run("rm /a --prefix\nn\nls --format text\nrm /a --prefix\ny\nls --format text\nrm /b\n");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("remove 2 keys under /a? [y/N] nothing removed\n/a/x = 1\n/a/y = 2\n/b = 3\n")
                    .contains("remove 2 keys under /a? [y/N] removed 2 keys (revision 2)\n/b = 3\nremoved 1 key (revision 3)\n");
            assertThat(store.snapshot(List.of("/")).entries()).isEmpty();
        }
    }

    @Test
    void errorsAreOneLineAndTheShellGoesOn() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/a/x", "1"));
        try (ShellHarness shell = ShellHarness.onStore(() -> store, tmp)) {
            ShellHarness.Result r = shell.run("frobnicate\nget a/x\nget /a\nput /k\nrender app\nget /a/x\n");

            assertThat(r.out()).isEqualTo("1\n");
            assertThat(r.err().lines().toList()).containsExactly(
                    "error: unknown command 'frobnicate'; 'help' lists the commands",
                    "error: key 'a/x' must start with '/', e.g. '/a/x'",
                    "confdsl: key /a not found in memory store (1 key below it: try 'confdsl keys ls /a')",
                    "error: Missing required parameter: 'VALUE' (try 'help put')",
                    "error: no script is loaded; load one with 'load SCRIPT'");
            assertThat(r.err()).doesNotContain("Exception", "\tat ");
            assertThat(r.code()).as("the last failure was the render without a script").isEqualTo(ExitCodes.USAGE);
        }
    }

    @Test
    void nonInteractiveStatusIsTheLastFailureOrZero() throws Exception {
        try (ShellHarness shell = ShellHarness.onStore(() -> new MemoryStore(Map.of("/a", "1")), tmp)) {
            assertThat(shell.run("get /missing\nget /a\n").code()).isEqualTo(ExitCodes.KEY_NOT_FOUND);
        }
        try (ShellHarness shell = ShellHarness.onStore(() -> new MemoryStore(Map.of("/a", "1")), tmp)) {
            assertThat(shell.run("# a comment\n\nget /a\n").code()).isZero();
        }
        MemoryStore store = new MemoryStore(Map.of("/a", "1"));
        try (ShellHarness shell = ShellHarness.onStore(() -> store, tmp)) {
            ShellHarness.Result r = shell.run("exit 3\nput /a 2\n");
            assertThat(r.code()).isEqualTo(3);
            assertThat(store.snapshot(List.of("/a")).entries()).as("nothing after exit runs").containsEntry("/a", "1");
        }
    }

    @Test
    void valuesAreTakenAsTyped() throws Exception {
        MemoryStore store = new MemoryStore();
        try (ShellHarness shell = ShellHarness.onStore(() -> store, tmp)) {
            ShellHarness.Result r = shell.run("put /re a\\d+!\nput /at @file\nput /neg -- -1\n");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(store.snapshot(List.of("/")).entries()).containsEntry("/re", "a\\d+!").containsEntry("/at", "@file")
                    .containsEntry("/neg", "-1");
        }
    }
}
