package org.confdsl.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one stat of a file says about its content: modification time, size and identity (inode).
 * Equal stamps mean an unchanged file only when the stamp was {@link #settled() settled} when it
 * was taken: file systems keep modification times at a clock tick of a few milliseconds, so a
 * file rewritten with the same size within one tick keeps its stamp ("racy git"). A stamp is
 * trusted only if the file was last modified a while before it was read.
 *
 * @param modified last modification time
 * @param size size in bytes
 * @param key the file system's identity of the file, or null where there is none
 * @param takenAt when the stamp was read
 */
record FileStamp(FileTime modified, long size, Object key, Instant takenAt) {

    /** How long before the reading a modification must lie for the stamp to be trusted. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    /** The stamp of {@code file}, or empty when it cannot be read (the caller reads the file and reports why). */
    static Optional<FileStamp> of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileStamp(a.lastModifiedTime(), a.size(), a.fileKey(), Instant.now()));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Whether the file had been left alone for {@link #SETTLE} when this stamp was taken. */
    boolean settled() {
        return modified.toInstant().plus(SETTLE).isBefore(takenAt);
    }

    /** Same file, same time, same size; when it was read does not matter. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FileStamp s && modified.equals(s.modified) && size == s.size && java.util.Objects.equals(key, s.key);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(modified, size, key);
    }
}
