package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.argv;
import static org.confdsl.sync.Fixtures.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.confdsl.model.CommandSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {

    private final CommandRunner runner = new CommandRunner(Duration.ofMillis(500));

    @TempDir
    Path dir;

    @Test
    void reportsExitCodes() {
        assertEquals(0, runner.run(argv("/bin/true"), Map.of()).exitCode());
        assertEquals(1, runner.run(argv("/bin/false"), Map.of()).exitCode());
        CommandResult three = runner.run(argv("sh", "-c", "exit 3"), Map.of());
        assertEquals(3, three.exitCode());
        assertFalse(three.succeeded());
        assertEquals("check 'sh -c \"exit 3\"' exited 3", three.describe("check", argv("sh", "-c", "exit 3")));
    }

    @Test
    void capturesStdoutAndStderrTogether() {
        CommandResult result = runner.run(argv("sh", "-c", "echo out; echo err >&2"), Map.of());
        assertEquals("out\nerr\n", result.output());
        assertTrue(result.succeeded());
    }

    @Test
    void keepsOnlyTheEndOfLongOutput() {
        CommandResult result = runner.run(argv("sh", "-c", "seq 1 20000"), Map.of());
        assertTrue(result.output().endsWith("19999\n20000\n"), result.output());
        assertTrue(result.output().startsWith("[... output truncated ...]"));
        assertTrue(result.output().length() <= CommandRunner.OUTPUT_LIMIT + 40);
    }

    @Test
    void stdinIsClosed() {
        // cat would wait forever on an open stdin; the timeout would then report it.
        CommandResult result = runner.run(new CommandSpec(List.of("cat"), false, Duration.ofSeconds(5)), Map.of());
        assertEquals(0, result.exitCode());
        assertEquals("", result.output());
    }

    @Test
    void replacesBothPlaceholderStyles() {
        CommandResult result = runner.run(argv("echo", "{{.src}}", "${src}", "x={{.dest}}", "${dest}.bak", "${other}"),
                Map.of("src", "/tmp/s", "dest", "/etc/d"));
        assertEquals("/tmp/s /tmp/s x=/etc/d /etc/d.bak ${other}\n", result.output());
    }

    @Test
    void argumentsReachTheProcessLiterallyWithoutAShell() {
        CommandResult result = runner.run(argv("printf", "%s|", "a;b", "$HOME", "`id`", "*"), Map.of());
        assertEquals("a;b|$HOME|`id`|*|", result.output());
    }

    @Test
    void shellModeRunsTheLineThroughSh() throws IOException {
        Path file = dir.resolve("f");
        CommandResult result = runner.run(shell("echo \"$HOME\" > {{.dest}}; echo one; false"), Map.of("dest", file.toString()));
        assertEquals(1, result.exitCode());
        assertEquals("one\n", result.output());
        assertEquals(System.getenv("HOME") + "\n", Files.readString(file));
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        Path pids = dir.resolve("pids");
        CommandSpec spec = new CommandSpec(
                List.of("sh", "-c", "sleep 30 & echo $! > \"$1\"; sleep 30 & echo $! >> \"$1\"; echo started; wait", "sh",
                        pids.toString()),
                false, Duration.ofMillis(700));
        long start = System.nanoTime();
        CommandResult result = runner.run(spec, Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(result.timedOut());
        assertEquals(-1, result.exitCode());
        assertEquals("started\n", result.output());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        List<Long> children = Files.readAllLines(pids).stream().map(Long::parseLong).toList();
        assertEquals(2, children.size());
        for (long pid : children) {
            assertFalse(running(pid), "child " + pid + " survived");
        }
        assertEquals("reload '" + spec.display() + "' timed out after 700ms and was killed", result.describe("reload", spec));
    }

    @Test
    void missingExecutableIsReportedPlainly() {
        CommandSpec spec = argv("nginxx", "-t");
        CommandResult result = runner.run(spec, Map.of());
        assertEquals(CommandResult.NOT_FOUND, result.exitCode());
        assertEquals("command 'nginxx' not found", result.output());
        assertEquals("check 'nginxx -t' exited 127: command 'nginxx' not found", result.describe("check", spec));
    }

    @Test
    void nonExecutableFileIsReportedPlainly() throws IOException {
        Path script = Files.writeString(dir.resolve("script"), "#!/bin/sh\n");
        CommandResult result = runner.run(argv(script.toString()), Map.of());
        assertEquals(CommandResult.CANNOT_RUN, result.exitCode());
        assertEquals("cannot run '" + script + "': permission denied", result.output());
    }

    /** Alive and not a zombie: /proc/PID/stat exists and its state is not Z. */
    static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text;
        try {
            text = Files.readString(stat);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    }
}
