package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.lines;
import static org.confdsl.sync.Fixtures.marking;
import static org.confdsl.sync.Fixtures.mode;
import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.confdsl.sync.Fixtures.stageFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.internal.Swapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swap failures, simulated through the mover seam: a bind mount cannot be made without privileges. */
class SyncerSwapTest {

    @TempDir
    Path dir;

    private static final Swapper.Mover BUSY = (source, target) -> {
        throw new FileSystemException(source.toString(), target.toString(), "Device or resource busy");
    };

    private static final Swapper.Mover DISK_FULL = (source, target) -> {
        throw new FileSystemException(source.toString(), target.toString(), "No space left on device");
    };

    private Syncer syncer(Swapper.Mover mover) {
        return new Syncer(new CommandRunner(), PendingReloads.inMemory(), mover);
    }

    @Test
    void bindMountedDestinationIsWrittenInPlace() throws Exception {
        Path reloads = dir.resolve("reloads");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "a much longer old content\n");
        Object inode = Files.getAttribute(dest, "unix:ino");
        ResourceModel r = resource(dest).mode(0640).reload(marking(reloads, 0)).build();

        SyncResult result = syncer(BUSY).sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome());
        assertEquals("rename refused (device or resource busy), probably a bind-mounted file; wrote " + dest
                + " in place", result.message());
        assertEquals("new\n", read(dest));
        assertEquals(0640, mode(dest));
        assertEquals(inode, Files.getAttribute(dest, "unix:ino"));
        assertEquals(1, lines(reloads));
        assertEquals(List.of(), stageFiles(dir));
    }

    @Test
    void bindMountedDestinationWithCheckInPlaceIsRestoredInPlace() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "good\n");
        Object inode = Files.getAttribute(dest, "unix:ino");
        ResourceModel r = resource(dest).checkInPlace(Fixtures.argv("sh", "-c", "! grep -q BAD \"$1\"", "sh", "{{.src}}"))
                .build();

        SyncResult result = syncer(BUSY).sync(r, rendered("BAD\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.CHECK_FAILED, result.outcome());
        assertEquals("good\n", read(dest));
        assertEquals(inode, Files.getAttribute(dest, "unix:ino"));
        assertEquals(List.of(), stageFiles(dir));
    }

    @Test
    void writeFailureLeavesTheDestinationUntouched() throws Exception {
        Path reloads = dir.resolve("reloads");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        byte[] before = Files.readAllBytes(dest);
        ResourceModel r = resource(dest).reload(marking(reloads, 0)).build();

        SyncResult result = syncer(DISK_FULL).sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("cannot write " + dest + ": no space left on device", result.message());
        assertArrayEquals(before, Files.readAllBytes(dest));
        assertEquals(0, lines(reloads));
        assertEquals(List.of(), stageFiles(dir));
    }

    @Test
    void destinationUnderARegularFileFails() throws Exception {
        Path notADir = Files.writeString(dir.resolve("etc"), "a file");
        Path dest = notADir.resolve("cloud.conf");
        SyncResult result = new Syncer(new CommandRunner(), PendingReloads.inMemory())
                .sync(resource(dest).mkdirs().build(), rendered("x\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("cannot write " + dest + ": " + notADir + " is not a directory", result.message());
        assertEquals("a file", read(notADir));
    }
}
