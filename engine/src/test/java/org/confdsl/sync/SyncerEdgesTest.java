package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.argv;
import static org.confdsl.sync.Fixtures.lines;
import static org.confdsl.sync.Fixtures.marking;
import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.confdsl.sync.Fixtures.stageFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.confdsl.model.ResourceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smaller promises of {@link Syncer}: a kept candidate outlives the next pass's clean-up, a dry
 * run names only what would change, and pending-reload bookkeeping that fails never hides the
 * reload's own result.
 */
class SyncerEdgesTest {

    @TempDir
    Path dir;

    /** Pending reloads in memory whose reads or writes can be made to fail as on a broken state directory. */
    private static final class Flaky implements PendingReloads {
        final PendingReloads inner = PendingReloads.inMemory();
        volatile boolean refuseReads;
        volatile boolean refuseWrites;

        private static UncheckedIOException broken(String what) {
            return new UncheckedIOException("cannot " + what + " the pending reload in /var/lib/confdsl: input/output error",
                    new IOException("input/output error"));
        }

        @Override
        public boolean isPending(ResourceModel resource) {
            if (refuseReads) {
                throw broken("read");
            }
            return inner.isPending(resource);
        }

        @Override
        public void markPending(ResourceModel resource) {
            if (refuseWrites) {
                throw broken("record");
            }
            inner.markPending(resource);
        }

        @Override
        public void clear(ResourceModel resource) {
            if (refuseWrites) {
                throw broken("clear");
            }
            inner.clear(resource);
        }
    }

    @Test
    void aKeptCandidateKeepsItsKeptNameThroughTheNextPass() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        ResourceModel r = resource(dest).check(argv("false")).build();
        Syncer syncer = new Syncer(new CommandRunner(), PendingReloads.inMemory());

        SyncResult rejected = syncer.sync(r, rendered("candidate\n"), new SyncOptions(false, false, true));
        SyncResult next = syncer.sync(r, rendered("old\n"), SyncOptions.DEFAULT); // its recovery clears stale stage files

        assertEquals(Outcome.CHECK_FAILED, rejected.outcome());
        assertEquals(Outcome.IN_SYNC, next.outcome(), next.message());
        List<Path> kept = stageFiles(dir);
        assertEquals(1, kept.size(), "the kept candidate is not a stale stage file");
        assertTrue(kept.get(0).getFileName().toString().startsWith(".cloud.conf.confdsl-kept-"), kept.toString());
        assertEquals("candidate\n", read(kept.get(0)));
    }

    @Test
    void aDryRunOfAModeChangeAloneDoesNotMentionTheContent() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "a\n");
        Files.setAttribute(dest, "unix:mode", 0600);
        Syncer syncer = new Syncer(new CommandRunner(), PendingReloads.inMemory());

        SyncResult result = syncer.sync(resource(dest).mode(0644).build(), rendered("a\n"), new SyncOptions(true, false, false));

        assertEquals(Outcome.WOULD_UPDATE, result.outcome());
        assertEquals("would change mode 0600 -> 0644", result.message());
        assertEquals(Optional.of(""), result.diff());
    }

    @Test
    void pendingReloadsThatCannotBeReadCountAsNonePendingAndThePassStaysInSync() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "a\n");
        Files.setAttribute(dest, "unix:mode", 0644);
        Path reloads = dir.resolve("reloads");
        ResourceModel r = resource(dest).reload(marking(reloads, 0)).build();
        Flaky pending = new Flaky();
        pending.inner.markPending(r);
        pending.refuseReads = true;
        Syncer syncer = new Syncer(new CommandRunner(), pending);

        SyncResult real = syncer.sync(r, rendered("a\n"), SyncOptions.DEFAULT);
        SyncResult dry = syncer.sync(r, rendered("a\n"), new SyncOptions(true, false, false));

        assertEquals(Outcome.IN_SYNC, real.outcome());
        assertEquals("", real.message());
        assertEquals(Outcome.IN_SYNC, dry.outcome());
        assertEquals("", dry.message());
        assertEquals(0, lines(reloads));
    }

    @Test
    void aRetriedReloadThatFailsAgainIsReportedEvenWhenItCannotBeRecorded() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "a\n");
        Files.setAttribute(dest, "unix:mode", 0644);
        Path reloads = dir.resolve("reloads");
        ResourceModel r = resource(dest).reload(marking(reloads, 1)).build();
        Flaky pending = new Flaky();
        pending.markPending(r);
        pending.refuseWrites = true;

        SyncResult result = new Syncer(new CommandRunner(), pending).sync(r, rendered("a\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.RELOAD_FAILED, result.outcome());
        assertTrue(result.message().startsWith("in sync; retried the pending reload; reload 'sh -c "), result.message());
        assertTrue(result.message().endsWith("' exited 1; cannot record the pending reload in /var/lib/confdsl: input/output error"),
                result.message());
        assertEquals("reload says hi\n", result.commandOutput());
        assertEquals(1, lines(reloads));
    }
}
