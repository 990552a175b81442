package org.confdsl.sync.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.confdsl.sync.internal.FilePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start finds after a crash, and what it makes of it. */
class RecoveryTest {

    @TempDir
    Path dir;

    private IntentJournal journal() {
        return IntentJournal.inDirectory(dir.resolve("state"));
    }

    @Test
    void anInterruptedInPlaceCheckGetsThePreviousFileBack() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "candidate\n");
        Path backup = Files.writeString(dir.resolve(".app.conf.confdsl-backup-1"), "previous\n");
        journal().checkingInPlace(dest, Optional.of(backup));

        List<String> done = new Recovery(journal(), FilePort.JDK).recover(dest);

        assertEquals("previous\n", Files.readString(dest));
        assertFalse(Files.exists(backup));
        assertEquals(Optional.empty(), journal().read(dest), "the entry is done");
        assertEquals(List.of("restored the previous file over the unchecked candidate of an interrupted in-place check"), done);
    }

    @Test
    void anInterruptedInPlaceCheckOfANewFileRemovesTheCandidate() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "candidate\n");
        journal().checkingInPlace(dest, Optional.empty());

        new Recovery(journal(), FilePort.JDK).recover(dest);

        assertFalse(Files.exists(dest));
        assertEquals(Optional.empty(), journal().read(dest));
    }

    @Test
    void aBackupAlreadyPutBackIsNotLookedForAgain() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "previous\n");
        journal().checkingInPlace(dest, Optional.of(dir.resolve(".app.conf.confdsl-backup-gone")));

        new Recovery(journal(), FilePort.JDK).recover(dest);

        assertEquals("previous\n", Files.readString(dest));
        assertEquals(Optional.empty(), journal().read(dest));
    }

    @Test
    void staleStageFilesGoKeptOnesTheLockAndOtherFilesStay() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "x\n");
        Files.writeString(dir.resolve(".app.conf.confdsl-123"), "partial");
        Files.writeString(dir.resolve(".app.conf.confdsl-backup-456"), "old");
        Files.writeString(dir.resolve(".app.conf.confdsl-kept-789"), "kept");
        Files.writeString(dir.resolve(".app.conf.confdsl.lock"), "");
        Files.writeString(dir.resolve(".other.conf.confdsl-1"), "not ours to judge");

        List<String> done = new Recovery(journal(), FilePort.JDK).recover(dest);

        assertEquals(List.of("removed 2 stale stage files"), done);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".app.conf.confdsl-kept-789", ".app.conf.confdsl.lock", ".other.conf.confdsl-1", "app.conf"),
                    files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("state")).sorted().toList());
        }
    }

    @Test
    void aCleanDestinationNeedsNothing() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "x\n");
        assertTrue(new Recovery(journal(), FilePort.JDK).recover(dest).isEmpty());
        assertEquals("x\n", Files.readString(dest));
    }
}
