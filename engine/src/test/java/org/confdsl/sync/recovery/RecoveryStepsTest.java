package org.confdsl.sync.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.confdsl.sync.RecordingFilePort;
import org.confdsl.sync.internal.FilePort;
import org.confdsl.sync.internal.StepException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-system steps of a recovery, in order, and what it says and keeps when one fails. */
class RecoveryStepsTest {

    @TempDir
    Path dir;

    private IntentJournal journal() {
        return IntentJournal.inDirectory(dir.resolve("state"));
    }

    @Test
    void theRestoredPreviousFileIsRenamedBackAndItsDirectorySynced() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "candidate\n");
        Path backup = Files.writeString(dir.resolve(".app.conf.confdsl-backup-1"), "previous\n");
        journal().checkingInPlace(dest, Optional.of(backup));
        RecordingFilePort files = new RecordingFilePort();

        new Recovery(journal(), files).recover(dest);

        assertEquals(List.of("rename BACKUP -> app.conf", "force-dir " + dir.getFileName()), files.calls());
    }

    @Test
    void theRemovedCandidateOfANewFileIsSyncedToo() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "candidate\n");
        journal().checkingInPlace(dest, Optional.empty());
        RecordingFilePort files = new RecordingFilePort();

        List<String> done = new Recovery(journal(), files).recover(dest);

        assertEquals(List.of("force-dir " + dir.getFileName()), files.calls());
        assertEquals(List.of("removed the unchecked candidate of an interrupted in-place check (there was no previous file)"), done);
        assertTrue(Files.notExists(dest));
    }

    @Test
    void aBackupAlreadyPutBackIsSaidSoAndNothingIsRenamed() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "previous\n");
        journal().checkingInPlace(dest, Optional.of(dir.resolve(".app.conf.confdsl-backup-gone")));
        RecordingFilePort files = new RecordingFilePort();

        List<String> done = new Recovery(journal(), files).recover(dest);

        assertEquals(List.of("the interrupted in-place check had already restored the previous file"), done);
        assertEquals(List.of(), files.calls());
    }

    @Test
    void oneStaleFileIsCountedInTheSingularAndADirectoryOfThatNameStays() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "x\n");
        Files.writeString(dir.resolve(".app.conf.confdsl-123"), "partial");
        Path aDirectory = Files.createDirectory(dir.resolve(".app.conf.confdsl-dir"));

        List<String> done = new Recovery(journal(), FilePort.JDK).recover(dest);

        assertEquals(List.of("removed 1 stale stage file"), done);
        assertTrue(Files.isDirectory(aDirectory));
    }

    @Test
    void aRestoreThatFailsNamesTheDestinationThePreviousFileAndTheJournalEntryAndKeepsTheEntry() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "candidate\n");
        Path backup = Files.writeString(dir.resolve(".app.conf.confdsl-backup-1"), "previous\n");
        journal().checkingInPlace(dest, Optional.of(backup));
        FilePort failingRename = new FilePort() {
            @Override
            public Path createFile(Path d, String prefix) throws IOException {
                return JDK.createFile(d, prefix);
            }

            @Override
            public void write(FileChannel channel, Path file, ByteBuffer data) throws IOException {
                JDK.write(channel, file, data);
            }

            @Override
            public void force(FileChannel channel, Path file) throws IOException {
                JDK.force(channel, file);
            }

            @Override
            public void rename(Path source, Path target) throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public void forceDirectory(Path d) {
                JDK.forceDirectory(d);
            }
        };

        StepException e = assertThrows(StepException.class, () -> new Recovery(journal(), failingRename).recover(dest));

        Path entry = journal().entryOf(dest).orElseThrow();
        assertEquals("cannot restore " + dest + " after an interrupted in-place check: disk on fire; the previous file is "
                + backup + ", journal " + entry, e.getMessage());
        assertTrue(journal().read(dest).isPresent(), "the entry stays for the next try");
        assertEquals("candidate\n", Files.readString(dest));
    }
}
