package org.confdsl.sync.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.Objects;
import java.util.Optional;

/**
 * The permission bits, owner and group of an existing file.
 *
 * @param mode the permission bits including setuid/setgid/sticky ({@code 07777} mask)
 * @param owner the owning user
 * @param group the owning group
 */
public record FileMeta(int mode, UserPrincipal owner, GroupPrincipal group) {

    public FileMeta {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(group, "group");
    }

    /** The attributes of {@code path} (following symlinks), or empty when it does not exist. */
    public static Optional<FileMeta> read(Path path) throws IOException {
        try {
            PosixFileAttributes attrs = Files.readAttributes(path, PosixFileAttributes.class);
            int mode = (Integer) Files.getAttribute(path, "unix:mode") & 07777;
            return Optional.of(new FileMeta(mode, attrs.owner(), attrs.group()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Sets owner, group, then mode of {@code path}: chown clears setuid bits, so mode goes last. */
    public static void apply(Path path, int mode, Optional<UserPrincipal> owner, Optional<GroupPrincipal> group)
            throws IOException {
        if (owner.isPresent()) {
            Files.setOwner(path, owner.get());
        }
        if (group.isPresent()) {
            Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(group.get());
        }
        Files.setAttribute(path, "unix:mode", mode);
    }

    /** {@code 0644}-style octal. */
    public static String octal(int mode) {
        return String.format("%04o", mode);
    }
}
