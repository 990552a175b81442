package org.confdsl.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.confdsl.sync.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwapperTest {

    @TempDir
    Path dir;

    private static Object inode(Path p) throws IOException {
        return Files.getAttribute(p, "unix:ino");
    }

    @Test
    void renamesAtomicallyOverTheDestination() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "old\n");
        Path staged = Files.writeString(dir.resolve(".app.conf.confdsl-1"), "new\n");
        Object stagedInode = inode(staged);

        assertEquals(Optional.empty(), new Swapper(Swapper.ATOMIC).swap(staged, dest));

        assertEquals("new\n", Files.readString(dest));
        assertEquals(stagedInode, inode(dest));
        assertFalse(Files.exists(staged));
    }

    @Test
    void refusedRenameFallsBackToWritingInPlace() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "old content, longer than the new one\n");
        Object destInode = inode(dest);
        Path staged = Files.writeString(dir.resolve(".app.conf.confdsl-1"), "new\n");
        Files.setAttribute(staged, "unix:mode", 0640);
        Swapper.Mover busy = (s, t) -> {
            throw new FileSystemException(s.toString(), t.toString(), "Device or resource busy");
        };

        Optional<String> note = new Swapper(busy).swap(staged, dest);

        assertEquals("rename refused (device or resource busy), probably a bind-mounted file; wrote " + dest
                + " in place", note.orElseThrow());
        assertEquals("new\n", Files.readString(dest));
        assertEquals(destInode, inode(dest), "an in-place write keeps the (bind-mounted) inode");
        assertEquals(0640, Fixtures.mode(dest));
    }

    @Test
    void crossDeviceRenameAlsoFallsBack() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "old\n");
        Path staged = Files.writeString(dir.resolve(".app.conf.confdsl-1"), "new\n");
        Swapper.Mover exdev = (s, t) -> {
            throw new AtomicMoveNotSupportedException(s.toString(), t.toString(), "Invalid cross-device link");
        };
        assertTrue(new Swapper(exdev).swap(staged, dest).isPresent());
        assertEquals("new\n", Files.readString(dest));
    }

    @Test
    void otherRenameFailuresLeaveTheDestinationAlone() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "old\n");
        Path staged = Files.writeString(dir.resolve(".app.conf.confdsl-1"), "new\n");
        Swapper.Mover denied = (s, t) -> {
            throw new AccessDeniedException(t.toString());
        };
        StepException e = assertThrows(StepException.class, () -> new Swapper(denied).swap(staged, dest));
        assertEquals("cannot write " + dest + ": permission denied", e.getMessage());
        assertEquals("old\n", Files.readString(dest));
    }

    @Test
    void recognisesRenameRefusals() {
        assertTrue(Swapper.refusesRename(new FileSystemException("a", "b", "Device or resource busy")));
        assertTrue(Swapper.refusesRename(new FileSystemException("a", "b", "Invalid cross-device link")));
        assertTrue(Swapper.refusesRename(new AtomicMoveNotSupportedException("a", "b", "x")));
        assertFalse(Swapper.refusesRename(new FileSystemException("a", "b", "No space left on device")));
        assertFalse(Swapper.refusesRename(new AccessDeniedException("a")));
        assertFalse(Swapper.refusesRename(new IOException("Device or resource busy")));
    }

    @Test
    void removeDeletesTheDestination() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "x");
        new Swapper(Swapper.ATOMIC).remove(dest);
        assertFalse(Files.exists(dest));
    }
}
