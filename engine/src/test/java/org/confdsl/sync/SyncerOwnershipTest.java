package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.argv;
import static org.confdsl.sync.Fixtures.mode;
import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.confdsl.sync.Fixtures.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symlinked destinations and files owned by another user (issue 9 §3). Runs as root, as CI does,
 * with {@code nobody} (uid 65534) as the other user who planted files and links.
 */
class SyncerOwnershipTest {

    private static final int NOBODY = 65534;

    @TempDir
    Path dir;

    private final Syncer syncer = new Syncer(new CommandRunner(), PendingReloads.inMemory());

    @BeforeEach
    void asRoot() throws Exception {
        Path probe = Files.writeString(dir.resolve("probe"), "");
        assertEquals(0, uid(probe), "these tests plant files of another user: they must run as root (CI does)");
        Files.delete(probe);
    }

    private static void chown(Path path, int uid) throws Exception {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void aSymlinkOfTheRunningUserIsFollowedAndStays() throws Exception {
        Path target = Files.writeString(Files.createDirectories(dir.resolve("real")).resolve("cloud.conf"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("cloud.conf"), Path.of("real/cloud.conf"));

        SyncResult result = syncer.sync(resource(link).build(), rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome(), result.message());
        assertTrue(Files.isSymbolicLink(link), "the link stays");
        assertEquals("new\n", read(target), "its target is replaced");
        assertEquals(Outcome.IN_SYNC, syncer.sync(resource(link).build(), rendered("new\n"), SyncOptions.DEFAULT).outcome());
    }

    @Test
    void anInPlaceCheckThroughALinkRestoresTheTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("target.conf"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("cloud.conf"), target);

        SyncResult result = syncer.sync(resource(link).checkInPlace(argv("false")).build(), rendered("new\n"),
                SyncOptions.DEFAULT);

        assertEquals(Outcome.CHECK_FAILED, result.outcome(), result.message());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("old\n", read(target));
    }

    @Test
    void aSymlinkOfAnotherUserIsRefusedAndNoopShowsNothingOfItsTarget() throws Exception {
        Path secret = Files.writeString(dir.resolve("shadow"), "root:secret-hash\n");
        Path link = Files.createSymbolicLink(dir.resolve("cloud.conf"), secret);
        chown(link, NOBODY);

        SyncResult noop = syncer.sync(resource(link).build(), rendered("new\n"), new SyncOptions(true, false, false));
        SyncResult real = syncer.sync(resource(link).build(), rendered("new\n"), SyncOptions.DEFAULT);

        String expected = "refusing to follow " + link + ": it is a symlink owned by nobody, and confdsl follows only links owned by "
                + "root or by the user it runs as (root); remove it, or replace it with a link that root owns";
        assertEquals(Outcome.FAILED, noop.outcome());
        assertEquals(expected, noop.message());
        assertTrue(noop.diff().isEmpty(), "no diff of the target");
        assertEquals(Outcome.FAILED, real.outcome());
        assertEquals("root:secret-hash\n", read(secret));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aFileOfAnotherUserInADirectoryOthersCanWriteIsRefused() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        Path planted = Files.writeString(shared.resolve("cloud.conf"), "planted\n");
        chown(planted, NOBODY);

        SyncResult result = syncer.sync(resource(planted).build(), rendered("secret\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("refusing to write " + planted + ": the file " + planted + " belongs to nobody and its directory "
                + shared + " is writable by others (mode 1777); anyone could have planted it. Put the destination in a "
                + "directory only its owner can write, or remove " + planted, result.message());
        assertEquals("planted\n", read(planted));
    }

    @Test
    void aRootLinkInADirectoryOthersCanWriteIsFollowedWhenRootRuns() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        Path target = Files.writeString(dir.resolve("target.conf"), "old\n");
        Path link = Files.createSymbolicLink(shared.resolve("cloud.conf"), target);

        assertEquals(Outcome.UPDATED, syncer.sync(resource(link).build(), rendered("new\n"), SyncOptions.DEFAULT).outcome());
        assertEquals("new\n", read(target));
    }

    @Test
    void aFileOfAnotherUserPassesOnNoOwnerAndNoMode() throws Exception {
        Path planted = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        Files.setAttribute(planted, "unix:mode", 0600);
        chown(planted, NOBODY);

        SyncResult result = syncer.sync(resource(planted).build(), rendered("secret\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome(), result.message());
        assertEquals(0, uid(planted), "the running user's, not the planter's");
        assertEquals(0644, mode(planted));
    }

    @Test
    void aFileOfAnotherUserWithTheSameContentIsStillTakenBack() throws Exception {
        Path planted = Files.writeString(dir.resolve("cloud.conf"), "same\n");
        Files.setAttribute(planted, "unix:mode", 0644);
        chown(planted, NOBODY);

        SyncResult result = syncer.sync(resource(planted).build(), rendered("same\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome(), result.message());
        assertEquals(0, uid(planted));
    }

    @Test
    void theResourcesOwnerIsHonouredOverAFileOfAnotherUser() throws Exception {
        Path planted = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        chown(planted, NOBODY);

        SyncResult result = syncer.sync(resource(planted).owner("nobody").mode(0640).build(), rendered("new\n"),
                SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome(), result.message());
        assertEquals(NOBODY, uid(planted));
        assertEquals(0640, mode(planted));
        assertFalse(Files.isSymbolicLink(planted));
    }
}
