package org.confdsl.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.confdsl.model.CommandSpec;
import org.confdsl.sync.recovery.CommandJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output tail at the limit, and a caller interrupted while its command runs. */
class CommandRunnerEdgesTest {

    private static final String TRUNCATED = "[... output truncated ...]\n";

    private final CommandRunner runner = new CommandRunner(Duration.ofMillis(500));

    @TempDir
    Path dir;

    /** A command that writes exactly {@code bytes} bytes: {@code bytes - 1} times 'a' (then 'b' at the end). */
    private CommandResult output(int bytes) {
        return runner.run(Fixtures.argv("sh", "-c", "head -c \"$1\" /dev/zero | tr '\\0' a; printf b", "sh",
                Integer.toString(bytes - 1)), Map.of());
    }

    @Test
    void anOutputOfExactlyTheLimitIsKeptWhole() {
        CommandResult result = output(CommandRunner.OUTPUT_LIMIT);
        assertEquals("a".repeat(CommandRunner.OUTPUT_LIMIT - 1) + "b", result.output());
    }

    @Test
    void oneByteOverTheLimitDropsTheFirstByteAndSaysSo() {
        CommandResult result = output(CommandRunner.OUTPUT_LIMIT + 1);
        assertEquals(TRUNCATED + "a".repeat(CommandRunner.OUTPUT_LIMIT - 1) + "b", result.output());
    }

    @Test
    void aLongOutputKeepsExactlyItsLastBytes() {
        CommandResult result = runner.run(Fixtures.argv("sh", "-c", "seq 1 20000"), Map.of());
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= 20000; i++) {
            all.append(i).append('\n');
        }
        String expected = all.substring(all.length() - CommandRunner.OUTPUT_LIMIT);
        assertEquals(TRUNCATED + expected, result.output());
    }

    @Test
    void anInterruptedCallerEndsItsCommandAndKeepsTheInterrupt() throws Exception {
        Path pidFile = dir.resolve("pid");
        CommandSpec spec = new CommandSpec(List.of("sh", "-c", "echo $$ > \"$1.tmp\"; mv \"$1.tmp\" \"$1\"; echo started; exec sleep 60",
                "sh", pidFile.toString()), false, Duration.ofSeconds(120));
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                result.complete(runner.run(spec, Map.of()));
                stillInterrupted.complete(Thread.currentThread().isInterrupted());
            } catch (Throwable t) {
                result.completeExceptionally(t);
                stillInterrupted.completeExceptionally(t);
            }
        }, "interrupted-caller");
        caller.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile));
        long pid = Long.parseLong(Files.readString(pidFile).strip());

        caller.interrupt();

        CommandResult done = result.get(30, TimeUnit.SECONDS);
        assertEquals(-1, done.exitCode());
        assertFalse(done.timedOut());
        assertEquals("started\n\n(interrupted: the command was killed)", done.output());
        assertTrue(stillInterrupted.get(5, TimeUnit.SECONDS), "the caller's interrupt flag is restored");
        await().atMost(Duration.ofSeconds(10)).until(() -> !CommandRunnerTest.running(pid));
        caller.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Test
    void aNonExecutableFileIsReportedPlainlyWhenTheCommandRunsInItsOwnGroup() throws Exception {
        Path script = Files.writeString(dir.resolve("script"), "#!/bin/sh\necho ran\n");
        CommandRunner recording = runner.recordingIn(CommandJournal.inDirectory(dir.resolve("state")));
        CommandSpec spec = Fixtures.argv(script.toString(), "-t");

        CommandResult result = recording.run(spec, Map.of());

        assertEquals(CommandResult.CANNOT_RUN, result.exitCode());
        assertEquals("cannot run '" + script + "': permission denied", result.output());
        assertEquals("check '" + script + " -t' exited 126: cannot run '" + script + "': permission denied",
                result.describe("check", spec));
    }

    @Test
    void anOutputFileThatCannotBeMadeIsReportedAndTheCommandDoesNotRun() throws Exception {
        Path notADir = Files.writeString(dir.resolve("state"), "a file where the state directory should be");
        Path marker = dir.resolve("ran");
        CommandRunner recording = runner.recordingIn(CommandJournal.inDirectory(notADir));
        CommandSpec spec = Fixtures.argv("touch", marker.toString());

        CommandResult result = recording.run(spec, Map.of());

        assertEquals(CommandResult.CANNOT_RUN, result.exitCode());
        assertFalse(result.timedOut());
        assertTrue(result.output().startsWith("cannot capture the output of 'touch " + marker + "': "), result.output());
        assertFalse(Files.exists(marker), "a command whose output cannot be kept is not run");
    }

    @Test
    void theCallersVariablesAreAddedToTheCommandsEnvironment() {
        CommandResult result = runner.run(Fixtures.argv("sh", "-c", "echo \"$GREETING ${HOME:+home}\""), Map.of(),
                Map.of("GREETING", "hello"));
        assertEquals("hello home\n", result.output());
    }

    @Test
    void aNegativeKillGraceIsRefusedAndNoGraceIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CommandRunner(Duration.ofMillis(-1)));
        assertEquals("kill grace must not be negative: PT-0.001S", e.getMessage());
        CommandSpec quick = new CommandSpec(List.of("sleep", "30"), false, Duration.ofMillis(200));
        CommandResult result = new CommandRunner(Duration.ZERO).run(quick, Map.of());
        assertTrue(result.timedOut());
        assertEquals(-1, result.exitCode());
    }

    @Test
    void anOutputFileRemovedWhileTheCommandRanIsReportedAsUnavailable() throws Exception {
        Path state = dir.resolve("state");
        CommandRunner recording = runner.recordingIn(CommandJournal.inDirectory(state));

        CommandResult result = recording.run(Fixtures.argv("sh", "-c", "echo lost; rm -f \"$1\"/*.out", "sh",
                state.resolve("commands").toString()), Map.of());

        assertEquals(0, result.exitCode());
        assertTrue(result.output().startsWith("(output unavailable: "), result.output());
        assertTrue(result.output().endsWith("(No such file or directory))"), result.output());
    }
}
