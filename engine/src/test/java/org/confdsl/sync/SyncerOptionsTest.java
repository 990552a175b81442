package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.argv;
import static org.confdsl.sync.Fixtures.lines;
import static org.confdsl.sync.Fixtures.marking;
import static org.confdsl.sync.Fixtures.mode;
import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.confdsl.sync.Fixtures.stageFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.confdsl.model.ResourceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** noop, sync-only and keep-stage-file. */
class SyncerOptionsTest {

    private static final SyncOptions NOOP = new SyncOptions(true, false, false);
    private static final SyncOptions SYNC_ONLY = new SyncOptions(false, true, false);
    private static final SyncOptions KEEP = new SyncOptions(false, false, true);

    @TempDir
    Path dir;

    private final PendingReloads pending = PendingReloads.inMemory();
    private final Syncer syncer = new Syncer(new CommandRunner(), pending);

    private List<Path> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void noopGivesADiffAndWritesAndRunsNothing() throws Exception {
        Path marker = dir.resolve("marker");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "a\nb\nc\n");
        Files.setAttribute(dest, "unix:mode", 0600);
        ResourceModel r = resource(dest).mode(0644).check(marking(marker, 0)).reload(marking(marker, 0)).build();
        List<Path> before = listing();

        SyncResult result = syncer.sync(r, rendered("a\nB\nc\n"), NOOP);

        assertEquals(Outcome.WOULD_UPDATE, result.outcome());
        assertEquals("would change the content, mode 0600 -> 0644", result.message());
        assertEquals(Optional.of("--- " + dest + "\n+++ " + dest + " (rendered)\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"),
                result.diff());
        assertEquals("a\nb\nc\n", read(dest));
        assertEquals(0600, mode(dest));
        assertEquals(before, listing(), "no stage file, no marker");
        assertEquals(0, lines(marker));
    }

    @Test
    void noopOnEqualContentIsInSync() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "a\n");
        Files.setAttribute(dest, "unix:mode", 0644);
        SyncResult result = syncer.sync(resource(dest).build(), rendered("a\n"), NOOP);
        assertEquals(Outcome.IN_SYNC, result.outcome());
        assertEquals(Optional.empty(), result.diff());
    }

    @Test
    void noopForANewFileInAMissingDirectory() throws Exception {
        Path dest = dir.resolve("conf.d/cloud.conf");
        SyncResult withMkdirs = syncer.sync(resource(dest).mkdirs().build(), rendered("x\n"), NOOP);
        assertEquals(Outcome.WOULD_UPDATE, withMkdirs.outcome());
        assertEquals("would create the file", withMkdirs.message());
        assertTrue(withMkdirs.diff().orElseThrow().contains("\n+x\n"));
        assertFalse(Files.exists(dir.resolve("conf.d")), "a dry run creates no directory");

        SyncResult without = syncer.sync(resource(dest).build(), rendered("x\n"), NOOP);
        assertEquals(Outcome.FAILED, without.outcome(), "the real run would fail, so the dry run says so");
    }

    @Test
    void noopMentionsAPendingReloadWithoutRunningIt() throws Exception {
        Path marker = dir.resolve("marker");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "a\n");
        Files.setAttribute(dest, "unix:mode", 0644);
        ResourceModel r = resource(dest).reload(marking(marker, 0)).build();
        pending.markPending(r);
        SyncResult result = syncer.sync(r, rendered("a\n"), NOOP);
        assertEquals(Outcome.IN_SYNC, result.outcome());
        assertEquals("a reload is pending (noop: not run)", result.message());
        assertEquals(0, lines(marker));
        assertTrue(pending.isPending(r));
    }

    @Test
    void syncOnlyWritesButRunsNeitherCheckNorReload() throws Exception {
        Path marker = dir.resolve("marker");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        ResourceModel r = resource(dest).check(argv("/bin/false")).reload(marking(marker, 0)).build();

        SyncResult result = syncer.sync(r, rendered("new\n"), SYNC_ONLY);

        assertEquals(Outcome.UPDATED, result.outcome());
        assertEquals("sync-only: check and reload not run", result.message());
        assertEquals("new\n", read(dest));
        assertEquals(0, lines(marker));
        assertEquals(List.of(), stageFiles(dir));
    }

    @Test
    void syncOnlyLeavesAPendingReloadPending() throws Exception {
        Path marker = dir.resolve("marker");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "a\n");
        Files.setAttribute(dest, "unix:mode", 0644);
        ResourceModel r = resource(dest).reload(marking(marker, 0)).build();
        pending.markPending(r);
        SyncResult result = syncer.sync(r, rendered("a\n"), SYNC_ONLY);
        assertEquals(Outcome.IN_SYNC, result.outcome());
        assertEquals(0, lines(marker));
        assertTrue(pending.isPending(r));
    }

    @Test
    void keepStageFileLeavesTheRejectedCandidate() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        ResourceModel r = resource(dest).check(argv("/bin/false")).build();

        SyncResult result = syncer.sync(r, rendered("candidate\n"), KEEP);

        assertEquals(Outcome.CHECK_FAILED, result.outcome());
        assertEquals("old\n", read(dest));
        List<Path> kept = stageFiles(dir);
        assertEquals(1, kept.size());
        assertEquals("candidate\n", read(kept.get(0)));
        assertEquals(0644, mode(kept.get(0)), "staged with its final mode");
    }

    @Test
    void keepStageFileAfterASuccessfulSwapLeavesNothingExtra() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        SyncResult result = syncer.sync(resource(dest).check(argv("/bin/true")).build(), rendered("new\n"), KEEP);
        assertEquals(Outcome.UPDATED, result.outcome());
        assertEquals(List.of(), stageFiles(dir), "the stage file became the destination");
    }
}
