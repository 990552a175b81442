package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.internal.FilePort;
import org.confdsl.sync.recovery.CommandJournal;
import org.confdsl.sync.recovery.Destinations;
import org.confdsl.sync.recovery.IntentJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a one-shot sync does with the journal of the program's state directory, also when recovering fails. */
class SyncerRecoveryFailureTest {

    @TempDir
    Path dir;

    @Test
    void aRecoveryThatFailsReportsTheEntryAndDoesNotKeepTheDestinationLocked() throws Exception {
        Path state = dir.resolve("state");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "candidate\n");
        // a backup that cannot be renamed over a file: a non-empty directory
        Path backup = Files.createDirectories(dir.resolve(".cloud.conf.confdsl-backup-1"));
        Files.writeString(backup.resolve("x"), "");
        IntentJournal journal = IntentJournal.inDirectory(state);
        journal.checkingInPlace(dest, Optional.of(backup));
        ResourceModel r = resource(dest).build();
        Syncer syncer = new Syncer(new CommandRunner(), PendingReloads.inMemory(),
                new Destinations(journal, CommandJournal.none(), FilePort.JDK, Duration.ZERO));

        SyncResult failed = syncer.sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.FAILED, failed.outcome());
        assertTrue(failed.message().startsWith("cannot restore " + dest + " after an interrupted in-place check: "), failed.message());
        assertTrue(failed.message().endsWith("; the previous file is " + backup + ", journal " + journal.entryOf(dest).orElseThrow()),
                failed.message());
        assertEquals("candidate\n", read(dest));

        // the operator deals with it (here: the previous file was put back by hand); the next pass goes ahead
        Files.delete(backup.resolve("x"));
        Files.delete(backup);
        SyncResult next = syncer.sync(r, rendered("new\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.UPDATED, next.outcome(), next.message());
        assertEquals("new\n", read(dest));
        assertEquals(Optional.empty(), journal.read(dest));
    }

    @Test
    void theProgramsDestinationsRecoverFromTheJournalInTheStateDirectory() throws Exception {
        Path state = dir.resolve("state");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "candidate\n");
        Path backup = Files.writeString(dir.resolve(".cloud.conf.confdsl-backup-1"), "previous\n");
        IntentJournal.inDirectory(state).checkingInPlace(dest, Optional.of(backup));
        Syncer syncer = new Syncer(new CommandRunner().recordingIn(CommandJournal.inDirectory(state)),
                PendingReloads.inDirectory(state), Destinations.inStateDirectory(state));

        SyncResult result = syncer.sync(resource(dest).build(), rendered("previous\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.IN_SYNC, result.outcome(), result.message());
        assertEquals("previous\n", read(dest));
        assertEquals(Optional.empty(), IntentJournal.inDirectory(state).read(dest));
    }
}
