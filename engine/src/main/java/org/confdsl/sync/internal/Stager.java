package org.confdsl.sync.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.confdsl.model.ResourceModel;

/**
 * Writes candidate files beside the destination, complete and durable before anything looks at
 * them.
 *
 * <p>A stage file lives in the destination's own directory, so that the swap is a rename within
 * one file system, and is named {@code .<dest name>.confdsl-<random>} (backups:
 * {@code .<dest name>.confdsl-backup-<random>}): hidden, and not matched by globs such as
 * nginx's {@code include conf.d/*.conf}.
 */
public final class Stager {

    /** What every stage file name contains after {@code .<dest name>}. */
    public static final String MARK = ".confdsl-";

    /** What a stage file kept by {@code --keep-stage-file} has after {@link #MARK}: recovery leaves it alone. */
    public static final String KEPT = "kept-";

    private final FilePort files;

    /** Stages on the JDK's file system. */
    public Stager() {
        this(FilePort.JDK);
    }

    /** @param files the file system the writes and fsyncs go through */
    public Stager(FilePort files) {
        this.files = files;
    }

    /**
     * Makes sure the destination's directory exists, creating it with its parents only when the
     * resource says {@code mkdirs true}. A dry run creates nothing but fails the same way.
     *
     * @throws StepException naming the directory and the two ways out, or why it cannot be created
     */
    public void ensureDirectory(ResourceModel resource, boolean dryRun) throws StepException {
        Path dir = resource.dest().toAbsolutePath().getParent();
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir)) {
            throw new StepException("cannot write " + resource.dest() + ": " + dir + " is not a directory");
        }
        if (!resource.mkdirs()) {
            throw new StepException("directory " + dir + " does not exist; create it or set `mkdirs true` on resource '"
                    + resource.name() + "'");
        }
        if (dryRun) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw IoErrors.failure("cannot create directory", dir, e);
        }
    }

    /**
     * Writes {@code content} to a new stage file for {@code dest}, sets {@code attributes} and
     * fsyncs it.
     *
     * @return the stage file
     * @throws StepException {@code cannot write <dest>: <reason>}; no stage file is left behind
     */
    public Path stage(Path dest, byte[] content, TargetAttributes attributes) throws StepException {
        return write(dest, "", content, attributes);
    }

    /**
     * Copies the current destination, bytes, mode, owner, group and modification time, to a
     * backup stage file.
     *
     * @return the backup, or empty when {@code dest} does not exist
     */
    public Optional<Path> backup(Path dest) throws StepException {
        try {
            Optional<FileMeta> meta = FileMeta.read(dest);
            if (meta.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(dest);
            Path backup = write(dest, "backup-", bytes, TargetAttributes.copyOf(meta.get()));
            Files.setLastModifiedTime(backup, Files.getLastModifiedTime(dest));
            return Optional.of(backup);
        } catch (IOException e) {
            throw IoErrors.failure("cannot back up", dest, e);
        }
    }

    private Path write(Path dest, String kind, byte[] content, TargetAttributes attributes) throws StepException {
        Path dir = dest.toAbsolutePath().getParent();
        Path staged;
        try {
            staged = files.createFile(dir, "." + dest.getFileName() + MARK + kind);
        } catch (AccessDeniedException e) {
            // The file itself may be writable: what is missing is the directory, for the stage file and the rename.
            throw new StepException("cannot write " + dest + ": directory " + dir
                    + " is not writable (permission denied); the stage file and the rename need it", e);
        } catch (IOException e) {
            throw IoErrors.failure("cannot write", dest, e);
        }
        try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.WRITE)) {
            files.write(channel, staged, ByteBuffer.wrap(content));
            attributes.applyTo(staged);
            files.force(channel, staged);
            return staged;
        } catch (IOException e) {
            deleteQuietly(staged);
            throw IoErrors.failure("cannot write", dest, e);
        }
    }

    /**
     * Renames a stage file that is to be kept for inspection to {@code .<dest name>.confdsl-kept-<random>},
     * a name recovery does not remove.
     */
    public static void keep(Path staged) {
        String name = staged.getFileName().toString();
        int mark = name.indexOf(MARK);
        if (mark < 0 || !Files.exists(staged)) {
            return;
        }
        Path kept = staged.resolveSibling(name.substring(0, mark + MARK.length()) + KEPT + name.substring(mark + MARK.length()));
        try {
            Files.move(staged, kept);
        } catch (IOException ignored) {
            // it stays under its stage name; recovery removes it at the next start
        }
    }

    /** Removes a stage file; a leftover hidden file is not worth failing a pass for. */
    public static void deleteQuietly(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException ignored) {
            // nothing useful to do: the file is hidden and named after us
        }
    }
}
