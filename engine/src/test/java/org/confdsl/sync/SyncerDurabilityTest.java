package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.argv;
import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.confdsl.sync.Fixtures.stageFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.confdsl.sync.recovery.Destinations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability made observable: the stage and swap steps go through a recording file port, and a
 * missing fsync (of the stage file, or of the directory after the rename) fails these tests.
 */
class SyncerDurabilityTest {

    @TempDir
    Path dir;

    private final RecordingFilePort files = new RecordingFilePort();

    private Syncer syncer() {
        return new Syncer(new CommandRunner(), PendingReloads.inMemory(), Destinations.lockingOnly(), files);
    }

    @Test
    void theStageFileIsWrittenAndForcedBeforeTheRenameAndTheDirectoryIsForcedAfterIt() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");

        SyncResult result = syncer().sync(resource(dest).build(), rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome(), result.message());
        assertEquals(List.of("create STAGE", "write STAGE", "force STAGE", "rename STAGE -> cloud.conf",
                "force-dir " + dir.getFileName()), files.calls());
        assertEquals("new\n", read(dest));
    }

    @Test
    void anInPlaceCheckForcesTheBackupBeforeTheCandidateReplacesTheDestination() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");

        SyncResult result = syncer().sync(resource(dest).checkInPlace(argv("grep", "-q", "new", "{{.src}}")).build(),
                rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome(), result.message());
        assertEquals(List.of("create STAGE", "write STAGE", "force STAGE",
                "create BACKUP", "write BACKUP", "force BACKUP",
                "rename STAGE -> cloud.conf", "force-dir " + dir.getFileName()), files.calls());
        assertEquals(List.of(), stageFiles(dir));
    }

    @Test
    void aRejectedInPlaceCandidateIsReplacedByTheBackupDurably() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");

        SyncResult result = syncer().sync(resource(dest).checkInPlace(argv("false")).build(), rendered("new\n"),
                SyncOptions.DEFAULT);

        assertEquals(Outcome.CHECK_FAILED, result.outcome(), result.message());
        assertEquals(List.of("rename STAGE -> cloud.conf", "force-dir " + dir.getFileName(),
                "rename BACKUP -> cloud.conf", "force-dir " + dir.getFileName()), files.calls().subList(6, 10));
        assertEquals("old\n", read(dest));
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsNamedEvenWhenTheFileCouldBe() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        files.refuseCreate();

        SyncResult result = syncer().sync(resource(dest).build(), rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("cannot write " + dest + ": directory " + dir + " is not writable (permission denied); "
                + "the stage file and the rename need it", result.message());
        assertEquals("old\n", read(dest));
    }
}
