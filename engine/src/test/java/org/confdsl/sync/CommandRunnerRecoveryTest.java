package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.argv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.confdsl.sync.recovery.CommandJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the program's runner adds: a process group and a record per command, and no secrets in the environment. */
class CommandRunnerRecoveryTest {

    @TempDir
    Path state;

    @Test
    void aRecordedCommandLeadsItsOwnProcessGroupAndLeavesNoFilesWhenDone() throws Exception {
        CommandRunner runner = new CommandRunner().recordingIn(CommandJournal.inDirectory(state));
        Path seen = state.resolve("seen");
        // field 5 of /proc/self/stat is the process group; $$ is the shell's pid.
        CommandResult result = runner.run(argv("sh", "-c",
                // the pid is recorded right after the process starts: wait for it (at most 5 s), then list
                "echo $$ $(cut -d' ' -f5 /proc/$$/stat) > \"$1\"; i=0; "
                        + "while [ \"$(ls \"$2\" | wc -l)\" -lt 2 ] && [ $i -lt 500 ]; do sleep 0.01; i=$((i+1)); done; "
                        + "ls \"$2\" > \"$1.records\"", "sh", seen.toString(),
                state.resolve("commands").toString()), Map.of());

        assertTrue(result.succeeded(), result.output());
        String[] pidAndGroup = Files.readString(seen).strip().split(" ");
        assertEquals(pidAndGroup[0], pidAndGroup[1], "the command leads its own group (setsid)");
        List<String> whileRunning = Files.readAllLines(state.resolve("seen.records"));
        assertEquals(2, whileRunning.size(), "output and pid recorded while it ran: " + whileRunning);
        try (Stream<Path> left = Files.list(state.resolve("commands"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aMissingCommandIsStillNamedWhenItRunsInItsOwnGroup() {
        CommandRunner runner = new CommandRunner().recordingIn(CommandJournal.inDirectory(state));
        CommandResult result = runner.run(argv("nginxx", "-t"), Map.of());
        assertEquals(CommandResult.NOT_FOUND, result.exitCode());
        assertEquals("command 'nginxx' not found", result.output());
    }

    @Test
    void variablesThatCarriedSecretsAreNotInTheCommandsEnvironment() {
        assertNotNull(System.getenv("HOME"), "the test needs a variable that is set");
        CommandRunner runner = new CommandRunner().withoutVariables(Set.of("HOME"));
        CommandResult result = runner.run(argv("sh", "-c", "echo \"HOME=${HOME-unset} PATH=${PATH:+set}\""), Map.of());
        assertEquals("HOME=unset PATH=set\n", result.output());
    }
}
