package org.confdsl.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChangesTest {

    @TempDir
    Path dir;

    @Test
    void onlyDifferentBytesAreAChange() throws IOException {
        Path file = Files.writeString(dir.resolve("k.yaml"), "a: 1\n");
        FileChanges changes = new FileChanges(file);
        assertArrayEquals("a: 1\n".getBytes(StandardCharsets.UTF_8), changes.read(false).orElseThrow());
        assertEquals(Optional.empty(), changes.read(true), "same bytes");

        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertEquals(Optional.empty(), changes.read(false), "a touch is no change");

        FileTime mtime = Files.getLastModifiedTime(file);
        Files.writeString(file, "a: 2\n");
        Files.setLastModifiedTime(file, mtime);
        assertEquals(Optional.empty(), changes.read(false), "same size and mtime: not read unless forced");
        assertTrue(changes.read(true).isPresent(), "a forced read finds the rewrite");
    }

    @Test
    void aVanishedFileIsAnErrorAndItsReturnAChange() throws IOException {
        Path file = Files.writeString(dir.resolve("k.yaml"), "a: 1\n");
        FileChanges changes = new FileChanges(file);
        changes.read(true);
        Files.delete(file);
        assertThrows(NoSuchFileException.class, () -> changes.read(false));
        Files.writeString(file, "a: 1\n");
        assertTrue(changes.read(false).isPresent());
    }

    @Test
    void contentWeWroteIsNotAChange() throws IOException {
        Path file = Files.writeString(dir.resolve("k.yaml"), "a: 1\n");
        FileChanges changes = new FileChanges(file);
        changes.read(true);
        byte[] mine = "a: 3\n".getBytes(StandardCharsets.UTF_8);
        AtomicFiles.replace(file, mine);
        changes.seen(mine);
        assertEquals(Optional.empty(), changes.read(true));
    }
}
