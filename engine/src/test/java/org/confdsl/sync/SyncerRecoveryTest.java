package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.argv;
import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.confdsl.sync.Fixtures.stageFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.internal.FilePort;
import org.confdsl.sync.recovery.CommandJournal;
import org.confdsl.sync.recovery.Destinations;
import org.confdsl.sync.recovery.IntentJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unfinished in-place check in the journal is undone before the destination is compared, whoever takes it. */
class SyncerRecoveryTest {

    @TempDir
    Path dir;

    private Syncer syncer(Path state) {
        return new Syncer(new CommandRunner(), PendingReloads.inDirectory(state),
                new Destinations(IntentJournal.inDirectory(state), CommandJournal.none(), FilePort.JDK, Duration.ofSeconds(1)));
    }

    private Path crashedInPlaceCheck(Path state) throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "candidate\n");
        Path backup = Files.writeString(dir.resolve(".cloud.conf.confdsl-backup-1"), "previous\n");
        IntentJournal.inDirectory(state).checkingInPlace(dest, Optional.of(backup));
        return dest;
    }

    @Test
    void aOneShotSyncRestoresFirstSoTheRejectedCandidateIsNeverInSync() throws Exception {
        Path state = dir.resolve("state");
        Path dest = crashedInPlaceCheck(state);
        ResourceModel r = resource(dest).checkInPlace(argv("grep", "-q", "previous", "{{.src}}")).build();

        SyncResult result = syncer(state).sync(r, rendered("candidate\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.CHECK_FAILED, result.outcome(), result.message());
        assertEquals("previous\n", read(dest));
        assertEquals(List.of(), stageFiles(dir));
        assertEquals(Optional.empty(), IntentJournal.inDirectory(state).read(dest));
    }

    @Test
    void aDaemonThatHoldsTheDestinationStillUndoesAnEntryLeftByAFailedRestoreBeforeItsNextPass() throws Exception {
        Path state = dir.resolve("state");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "previous\n");
        ResourceModel r = resource(dest).checkInPlace(argv("grep", "-q", "previous", "{{.src}}")).build();
        Syncer syncer = syncer(state);
        syncer.claim(List.of(r));
        try {
            crashedInPlaceCheck(state); // as if this process's own restore had failed

            SyncResult result = syncer.sync(r, rendered("candidate\n"), SyncOptions.DEFAULT);

            assertEquals(Outcome.CHECK_FAILED, result.outcome(), result.message());
            assertEquals("previous\n", read(dest));
        } finally {
            syncer.release();
        }
    }
}
