package org.confdsl.sync.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a staged file in place of the destination.
 *
 * <p>Normally an atomic rename followed by an fsync of the directory, so that readers see the
 * old file or the new one, never a mix, and the rename survives a crash. A destination that is a
 * bind-mounted file (a Docker volume of one file) cannot be renamed over: the kernel answers
 * EBUSY, or EXDEV when source and target are on different mounts. Then the staged bytes are
 * written into the destination itself (truncate, write, fsync), which is not atomic but is the
 * only way to change such a file; the caller reports it.
 */
public final class Swapper {

    /** Moves {@code source} over {@code target}; the seam tests use to refuse renames. */
    @FunctionalInterface
    public interface Mover {
        void move(Path source, Path target) throws IOException;
    }

    /** The real move: {@code rename(2)}, replacing the target. */
    public static final Mover ATOMIC =
            (source, target) -> Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    private final FilePort files;

    /** @param files the file system; {@link FilePort#JDK} outside tests */
    public Swapper(FilePort files) {
        this.files = Objects.requireNonNull(files, "files");
    }

    /** @param mover the rename, on the JDK's file system; {@link #ATOMIC} outside tests */
    public Swapper(Mover mover) {
        this(FilePort.JDK.renamingWith(Objects.requireNonNull(mover, "mover")));
    }

    /**
     * Replaces {@code dest} with {@code staged}.
     *
     * @return empty after an atomic rename (the stage file is gone); after the in-place fallback,
     *     a note for the message (the stage file is still there)
     * @throws StepException {@code cannot write <dest>: <reason>}
     */
    public Optional<String> swap(Path staged, Path dest) throws StepException {
        try {
            files.rename(staged, dest);
        } catch (IOException e) {
            if (!refusesRename(e)) {
                throw IoErrors.failure("cannot write", dest, e);
            }
            writeInPlace(staged, dest);
            return Optional.of("rename refused (" + IoErrors.reason(e) + "), probably a bind-mounted file; wrote "
                    + dest + " in place");
        }
        files.forceDirectory(dest.toAbsolutePath().getParent());
        return Optional.empty();
    }

    /** Deletes {@code dest} durably (restoring "there was no file"). */
    public void remove(Path dest) throws StepException {
        try {
            Files.deleteIfExists(dest);
        } catch (IOException e) {
            throw IoErrors.failure("cannot remove", dest, e);
        }
        files.forceDirectory(dest.toAbsolutePath().getParent());
    }

    /** Whether a failed rename means "this target cannot be renamed over" (EBUSY, EXDEV) rather than a real error. */
    public static boolean refusesRename(IOException e) {
        if (e instanceof AtomicMoveNotSupportedException) {
            return true;
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            String reason = fs.getReason().toLowerCase(Locale.ROOT);
            return reason.contains("resource busy") || reason.contains("cross-device");
        }
        return false;
    }

    private void writeInPlace(Path staged, Path dest) throws StepException {
        try (FileChannel channel = FileChannel.open(dest, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            files.write(channel, dest, ByteBuffer.wrap(Files.readAllBytes(staged)));
            Optional<FileMeta> meta = FileMeta.read(staged);
            if (meta.isPresent()) {
                FileMeta.apply(dest, meta.get().mode(), Optional.of(meta.get().owner()), Optional.of(meta.get().group()));
            }
            files.force(channel, dest);
        } catch (IOException e) {
            throw IoErrors.failure("cannot write", dest, e);
        }
    }
}
