package org.confdsl.sync.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a command journal keeps per command, and the records recovery skips. */
class CommandJournalFilesTest {

    @TempDir
    Path dir;

    private static Path pidFileOf(Path out) {
        String n = out.getFileName().toString();
        return out.resolveSibling(n.substring(0, n.length() - ".out".length()) + ".pid");
    }

    @Test
    void aRecordingJournalNamesOutputFilesByItsOwnerAndRecordsTheCommandsIdentity() throws Exception {
        CommandJournal journal = CommandJournal.inDirectory(dir);
        ProcessIdentity me = ProcessIdentity.current();
        assertTrue(journal.records());

        Path out = journal.outputFile();

        assertEquals(dir.resolve("commands"), out.getParent());
        assertTrue(out.getFileName().toString().startsWith("confdsl-cmd-" + me.pid() + "-" + me.startTicks() + "-"), out.toString());
        assertTrue(out.getFileName().toString().endsWith(".out"), out.toString());
        assertEquals(0, Files.size(out));

        Process command = new ProcessBuilder("sleep", "120").start();
        try {
            ProcessIdentity id = ProcessIdentity.of(command.pid()).orElseThrow();
            journal.started(out, command.toHandle());
            assertEquals("pid=" + id.pid() + "\nstart=" + id.startTicks() + "\n", Files.readString(pidFileOf(out)));
            assertEquals(List.of(out), journal.recorded());
        } finally {
            command.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        journal.finished(out);

        assertFalse(Files.exists(out));
        assertFalse(Files.exists(pidFileOf(out)));
        assertEquals(List.of(), journal.recorded());
    }

    @Test
    void aCommandAlreadyGoneIsNotRecorded() throws Exception {
        CommandJournal journal = CommandJournal.inDirectory(dir);
        Path out = journal.outputFile();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        gone.onExit().get(10, TimeUnit.SECONDS);

        journal.started(out, gone.toHandle());

        assertFalse(Files.exists(pidFileOf(out)));
    }

    @Test
    void theNoneJournalRecordsNothingAndWritesOutputToTheTempDirectory() throws Exception {
        CommandJournal none = CommandJournal.none();
        assertFalse(none.records());

        Path out = none.outputFile();
        try {
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), out.getParent().toAbsolutePath());
            assertTrue(out.getFileName().toString().startsWith("confdsl-cmd-"), out.toString());
            none.started(out, ProcessHandle.current());
            assertFalse(Files.exists(pidFileOf(out)));
            assertEquals(0, none.recoverOrphans());
            assertEquals(List.of(), none.recorded());
        } finally {
            none.finished(out);
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void recordsOfADeadOwnerWithoutAPidFileOrWithAnUnreadableOneAreRemovedWithoutKilling() throws Exception {
        Process owner = new ProcessBuilder("true").start();
        ProcessIdentity dead = ProcessIdentity.of(owner.pid()).orElse(new ProcessIdentity(owner.pid(), 1));
        owner.waitFor(10, TimeUnit.SECONDS);
        owner.onExit().get(10, TimeUnit.SECONDS);
        Path commands = Files.createDirectories(dir.resolve("commands"));
        String stem = "confdsl-cmd-" + dead.pid() + "-" + dead.startTicks() + "-";
        Path noPid = Files.writeString(commands.resolve(stem + "1.out"), "");
        Path badPid = Files.writeString(commands.resolve(stem + "2.out"), "");
        Files.writeString(commands.resolve(stem + "2.pid"), "pid=x\n");
        Path notOurs = Files.writeString(commands.resolve("confdsl-cmd-garbled.out"), "");
        Path otherFile = Files.writeString(commands.resolve("notes.txt"), "");

        assertEquals(0, CommandJournal.inDirectory(dir).recoverOrphans());

        assertFalse(Files.exists(noPid));
        assertFalse(Files.exists(badPid));
        assertFalse(Files.exists(commands.resolve(stem + "2.pid")));
        assertTrue(Files.exists(notOurs), "a name without an owner is left alone");
        assertTrue(Files.exists(otherFile));
        assertEquals(List.of(notOurs), CommandJournal.inDirectory(dir).recorded());
    }

    @Test
    void aStateDirectoryWithoutCommandsHasNothingToRecover() {
        assertEquals(0, CommandJournal.inDirectory(dir.resolve("never-made")).recoverOrphans());
        assertEquals(List.of(), CommandJournal.inDirectory(dir.resolve("never-made")).recorded());
    }
}
