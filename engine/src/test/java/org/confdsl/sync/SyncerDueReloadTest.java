package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.lines;
import static org.confdsl.sync.Fixtures.marking;
import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.internal.Swapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reload a swap announces (recorded as pending before the swap): taken back when the swap
 * fails, unless it was pending already; never announced for a resource that does not reload or a
 * sync-only pass. Seen through the next pass that finds the destination in sync.
 */
class SyncerDueReloadTest {

    @TempDir
    Path dir;

    private final PendingReloads pending = PendingReloads.inMemory();

    private static final Swapper.Mover DISK_FULL = (source, target) -> {
        throw new FileSystemException(source.toString(), target.toString(), "No space left on device");
    };

    private Syncer failingSwaps() {
        return new Syncer(new CommandRunner(), pending, DISK_FULL);
    }

    private Syncer working() {
        return new Syncer(new CommandRunner(), pending);
    }

    @Test
    void aSwapThatFailsTakesBackTheReloadItAnnounced() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        Path reloads = dir.resolve("reloads");
        ResourceModel r = resource(dest).reload(marking(reloads, 0)).build();

        SyncResult failed = failingSwaps().sync(r, rendered("new\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.FAILED, failed.outcome());
        assertEquals("cannot write " + dest + ": no space left on device", failed.message());
        assertFalse(pending.isPending(r));

        SyncResult next = working().sync(r, rendered("old\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.IN_SYNC, next.outcome());
        assertEquals("", next.message());
        assertEquals(0, lines(reloads), "nothing changed, so nothing to reload");
    }

    @Test
    void aSwapThatFailsKeepsAReloadThatWasPendingBefore() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        Path reloads = dir.resolve("reloads");
        ResourceModel r = resource(dest).reload(marking(reloads, 0)).build();
        pending.markPending(r); // an earlier reload failed

        SyncResult failed = failingSwaps().sync(r, rendered("new\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.FAILED, failed.outcome());
        assertTrue(pending.isPending(r));

        SyncResult next = working().sync(r, rendered("old\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.UPDATED, next.outcome(), next.message());
        assertEquals("in sync; retried the pending reload", next.message());
        assertEquals(1, lines(reloads));
        assertFalse(pending.isPending(r));
    }

    @Test
    void aResourceWithoutReloadNeverHasOneDue() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        ResourceModel r = resource(dest).build();

        SyncResult result = working().sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome());
        assertEquals("", result.message());
        assertFalse(pending.isPending(r));
        // the same destination with a reload added later: nothing is owed for the earlier write
        assertFalse(pending.isPending(resource(dest).reload(marking(dir.resolve("reloads"), 0)).build()));
    }

    @Test
    void aSyncOnlyPassAnnouncesNoReload() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        Path reloads = dir.resolve("reloads");
        ResourceModel r = resource(dest).reload(marking(reloads, 0)).build();

        SyncResult result = working().sync(r, rendered("new\n"), new SyncOptions(false, true, false));

        assertEquals(Outcome.UPDATED, result.outcome());
        assertEquals("sync-only: check and reload not run", result.message());
        assertEquals("new\n", read(dest));
        assertFalse(pending.isPending(r));
        SyncResult next = working().sync(r, rendered("new\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.IN_SYNC, next.outcome());
        assertEquals(0, lines(reloads));
    }
}
