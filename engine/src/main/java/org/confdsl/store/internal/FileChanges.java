package org.confdsl.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells whether a file's content differs from the last content seen: size, mtime and file
 * identity first (cheap, and a symlink swap changes the identity), then a SHA-256 of the bytes,
 * so a touch or a rewrite with equal bytes is no change. Not thread-safe; the store guards it.
 */
public final class FileChanges {

    private final Path file;
    private Stat lastStat;
    private byte[] lastHash;

    private record Stat(long size, FileTime modified, Object fileKey) {
    }

    /** @param file followed through symlinks */
    public FileChanges(Path file) {
        this.file = file;
    }

    /**
     * The file's content if it differs from the last content seen, else empty.
     *
     * @param force read and hash the bytes even when size, mtime and identity are unchanged
     *     (coarse mtimes can hide a rewrite of equal size)
     * @throws IOException when the file is missing or unreadable; it then counts as never seen,
     *     so its return is a change even with the old bytes
     */
    public Optional<byte[]> read(boolean force) throws IOException {
        Stat stat;
        byte[] content;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            stat = new Stat(a.size(), a.lastModifiedTime(), a.fileKey());
            if (!force && stat.equals(lastStat)) {
                return Optional.empty();
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            lastStat = null;
            lastHash = null;
            throw e;
        }
        lastStat = stat;
        byte[] hash = sha256(content);
        if (Arrays.equals(hash, lastHash)) {
            return Optional.empty();
        }
        lastHash = hash;
        return Optional.of(content);
    }

    /** Records {@code content} as seen, e.g. after writing it, so that reading it back is no change. */
    public void seen(byte[] content) {
        lastStat = null;
        lastHash = sha256(content);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
