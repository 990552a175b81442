package org.confdsl.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.confdsl.sync.RecordingFilePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port with its renames replaced keeps every other step of the port it wraps. */
class FilePortRenamingTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheRenameGoesToTheMover() throws Exception {
        RecordingFilePort recording = new RecordingFilePort();
        List<String> moved = new ArrayList<>();
        FilePort port = recording.renamingWith((source, target) -> moved.add(source.getFileName() + " -> " + target.getFileName()));

        Path file = port.createFile(dir, ".app.conf.confdsl-");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            port.write(channel, file, ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8)));
            port.force(channel, file);
        }
        port.rename(file, dir.resolve("app.conf"));
        port.forceDirectory(dir);

        assertEquals(List.of("create STAGE", "write STAGE", "force STAGE", "force-dir " + dir.getFileName()), recording.calls());
        assertEquals(List.of(file.getFileName() + " -> app.conf"), moved);
        assertEquals("x", Files.readString(file));
    }
}
