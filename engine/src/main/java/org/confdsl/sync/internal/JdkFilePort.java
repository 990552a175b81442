package org.confdsl.sync.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** {@link FilePort} on the JDK's default file system. */
final class JdkFilePort implements FilePort {

    @Override
    public Path createFile(Path dir, String prefix) throws IOException {
        return Files.createTempFile(dir, prefix, "");
    }

    @Override
    public void write(FileChannel channel, Path file, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    @Override
    public void force(FileChannel channel, Path file) throws IOException {
        channel.force(true);
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Some file systems refuse fsync on a directory; the rename has happened all the same,
            // and reporting a failure now would misstate what the destination holds.
        }
    }
}
