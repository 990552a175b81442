package org.confdsl.sync.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the intent journal writes, reads back and forgets. */
class IntentJournalTest {

    @TempDir
    Path dir;

    private IntentJournal journal() {
        return IntentJournal.inDirectory(dir.resolve("state"));
    }

    @Test
    void anEntryIsOneFileNamedByTheDestinationAndReadsBackWithItsBackup() throws Exception {
        Path dest = dir.resolve("app.conf");
        Path backup = dir.resolve(".app.conf.confdsl-backup-1");
        journal().checkingInPlace(dest, Optional.of(backup));

        Path entry = journal().entryOf(dest).orElseThrow();
        assertEquals(dir.resolve("state").resolve("journal"), entry.getParent());
        assertTrue(entry.getFileName().toString().matches("[0-9a-f]{32}\\.intent"), entry.toString());
        assertEquals("dest=" + dest.toAbsolutePath() + "\nstep=check-in-place\nbackup=" + backup.toAbsolutePath() + "\n",
                Files.readString(entry));
        try (Stream<Path> files = Files.list(entry.getParent())) {
            assertEquals(List.of(entry), files.toList(), "no temp file is left beside it");
        }
        assertEquals(Optional.of(new IntentJournal.InPlaceCheck(dest, Optional.of(backup.toAbsolutePath()))), journal().read(dest));
        assertEquals(Optional.empty(), journal().read(dir.resolve("other.conf")), "other destinations have no entry");
    }

    @Test
    void noPreviousFileIsWrittenAsNoneAndReadBackAsEmpty() throws Exception {
        Path dest = dir.resolve("app.conf");
        journal().checkingInPlace(dest, Optional.empty());

        assertTrue(Files.readString(journal().entryOf(dest).orElseThrow()).contains("\nbackup=none\n"));
        assertEquals(Optional.of(new IntentJournal.InPlaceCheck(dest, Optional.empty())), journal().read(dest));
    }

    @Test
    void aBackslashInAPathReadsBackUnchanged() throws Exception {
        Path dest = dir.resolve("app.conf");
        Path backup = dir.resolve("back\\slash.conf");
        journal().checkingInPlace(dest, Optional.of(backup));

        assertEquals(Optional.of(backup.toAbsolutePath()), journal().read(dest).orElseThrow().backup());
    }

    @Test
    void anEntryOfAnotherStepIsNotAnInPlaceCheck() throws Exception {
        Path dest = dir.resolve("app.conf");
        journal().checkingInPlace(dest, Optional.empty());
        Path entry = journal().entryOf(dest).orElseThrow();
        Files.writeString(entry, "dest=" + dest.toAbsolutePath() + "\nstep=something-newer\n");

        assertEquals(Optional.empty(), journal().read(dest));
    }

    @Test
    void doneRemovesTheEntryAndIsHarmlessWithoutOne() throws Exception {
        Path dest = dir.resolve("app.conf");
        journal().checkingInPlace(dest, Optional.empty());

        journal().done(dest);
        journal().done(dest);

        assertFalse(Files.exists(journal().entryOf(dest).orElseThrow()));
        assertEquals(Optional.empty(), journal().read(dest));
    }

    @Test
    void theNoneJournalKeepsNothing() throws Exception {
        Path dest = dir.resolve("app.conf");
        IntentJournal none = IntentJournal.none();

        none.checkingInPlace(dest, Optional.empty());
        none.done(dest);

        assertEquals(Optional.empty(), none.read(dest));
        assertEquals(Optional.empty(), none.entryOf(dest));
    }
}
