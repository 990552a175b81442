package org.confdsl.sync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.confdsl.sync.internal.FilePort;

/**
 * The JDK's file system, with every call of the stage and swap steps recorded in order as
 * {@code "write NAME"}, {@code "force NAME"}, {@code "rename A -> B"}, {@code "force-dir DIR"},
 * {@code "create NAME"} (file names only, stage files as {@code STAGE} and backups as {@code BACKUP}).
 */
public final class RecordingFilePort implements FilePort {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean refuseCreate;

    /** What happened, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** From now on, creating a stage file fails as in a directory the process may not write. */
    public void refuseCreate() {
        refuseCreate = true;
    }

    @Override
    public Path createFile(Path dir, String prefix) throws IOException {
        if (refuseCreate) {
            throw new AccessDeniedException(dir.resolve(prefix + "123").toString());
        }
        Path p = JDK.createFile(dir, prefix);
        calls.add("create " + name(p));
        return p;
    }

    @Override
    public void write(FileChannel channel, Path file, ByteBuffer data) throws IOException {
        JDK.write(channel, file, data);
        calls.add("write " + name(file));
    }

    @Override
    public void force(FileChannel channel, Path file) throws IOException {
        JDK.force(channel, file);
        calls.add("force " + name(file));
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        JDK.rename(source, target);
        calls.add("rename " + name(source) + " -> " + name(target));
    }

    @Override
    public void forceDirectory(Path dir) {
        JDK.forceDirectory(dir);
        calls.add("force-dir " + dir.getFileName());
    }

    private static String name(Path p) {
        String n = p.getFileName().toString();
        if (n.contains(".confdsl-backup-")) {
            return "BACKUP";
        }
        return n.contains(".confdsl-") ? "STAGE" : n;
    }
}
