package org.confdsl.sync.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.PendingReloads;

/**
 * {@link PendingReloads} as files {@code <hash>.reload-pending} in a state directory; the file
 * holds the resource name and destination so a person can tell what it is about.
 */
public final class DirectoryPendingReloads implements PendingReloads {

    private static final String SUFFIX = ".reload-pending";

    private final Path dir;
    private final FilePort files = FilePort.JDK;

    /** @param dir the state directory, created by the first {@link #markPending} */
    public DirectoryPendingReloads(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    @Override
    public boolean isPending(ResourceModel resource) {
        return Files.exists(file(resource));
    }

    @Override
    public void markPending(ResourceModel resource) {
        Path file = file(resource);
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                String text = "resource=" + resource.name() + "\ndest=" + resource.dest() + "\n";
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    files.write(channel, temp, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                    files.force(channel, temp);
                }
                // Readers see no file or a whole one, never a half-written one; and it is written
                // before the swap it announces, so it must survive a power loss too.
                files.rename(temp, file);
                files.forceDirectory(dir);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the pending reload in " + file + ": " + IoErrors.reason(e), e);
        }
    }

    @Override
    public void clear(ResourceModel resource) {
        Path file = file(resource);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the pending reload " + file + ": " + IoErrors.reason(e), e);
        }
    }

    /** The file that marks {@code resource} as pending. */
    public Path file(ResourceModel resource) {
        return dir.resolve(ResourceKey.of(resource) + SUFFIX);
    }
}
