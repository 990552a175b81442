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

/** Orphaned commands of a dead confdsl are ended by the next start; nobody else's processes are. */
class CommandJournalTest {

    @TempDir
    Path dir;

    /** A process that has exited: its identity names a dead confdsl. */
    private static ProcessIdentity deadProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        ProcessIdentity id = ProcessIdentity.of(p.pid()).orElse(new ProcessIdentity(p.pid(), 1));
        p.waitFor(10, TimeUnit.SECONDS);
        return id;
    }

    private Path record(ProcessIdentity owner, String pidText) throws Exception {
        Path commands = Files.createDirectories(dir.resolve("commands"));
        Path out = Files.writeString(commands.resolve("confdsl-cmd-" + owner.pid() + "-" + owner.startTicks() + "-1.out"), "output");
        Files.writeString(commands.resolve("confdsl-cmd-" + owner.pid() + "-" + owner.startTicks() + "-1.pid"), pidText);
        return out;
    }

    @Test
    void theProcessGroupOfACommandWhoseConfdslDiedIsKilledAndItsFilesRemoved() throws Exception {
        // setsid: the command leads a group of its own, with a child in it, as CommandRunner starts it.
        Process command = new ProcessBuilder("setsid", "sh", "-c", "sleep 120 & wait").start();
        try {
            ProcessIdentity id = ProcessIdentity.of(command.pid()).orElseThrow();
            Path out = record(deadProcess(), "pid=" + id.pid() + "\nstart=" + id.startTicks() + "\n");
            awaitMembers(id.pid(), 2);

            int killed = CommandJournal.inDirectory(dir).recoverOrphans();

            assertEquals(1, killed);
            assertTrue(command.waitFor(10, TimeUnit.SECONDS), "the command was killed");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ProcessGroups.members(id.pid()).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of(), ProcessGroups.members(id.pid()), "its child (sleep) too");
            assertFalse(Files.exists(out));
            assertEquals(List.of(), CommandJournal.inDirectory(dir).recorded());
        } finally {
            command.destroyForcibly();
        }
    }

    @Test
    void aReusedPidIsNotKilled() throws Exception {
        Process stranger = new ProcessBuilder("setsid", "sleep", "120").start();
        try {
            ProcessIdentity id = ProcessIdentity.of(stranger.pid()).orElseThrow();
            record(deadProcess(), "pid=" + id.pid() + "\nstart=" + (id.startTicks() - 1) + "\n");

            assertEquals(0, CommandJournal.inDirectory(dir).recoverOrphans());

            assertTrue(stranger.isAlive(), "same pid, other start time: not ours");
            assertEquals(List.of(), CommandJournal.inDirectory(dir).recorded(), "the stale record is gone");
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void theCommandsOfALivingConfdslAreLeftAlone() throws Exception {
        Process command = new ProcessBuilder("setsid", "sleep", "120").start();
        try {
            ProcessIdentity id = ProcessIdentity.of(command.pid()).orElseThrow();
            record(ProcessIdentity.current(), "pid=" + id.pid() + "\nstart=" + id.startTicks() + "\n");

            assertEquals(0, CommandJournal.inDirectory(dir).recoverOrphans());

            assertTrue(command.isAlive());
            assertEquals(1, CommandJournal.inDirectory(dir).recorded().size());
        } finally {
            command.destroyForcibly();
        }
    }

    private static void awaitMembers(long group, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessGroups.members(group).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, ProcessGroups.members(group).size(), "members of group " + group);
    }
}
