package org.confdsl.sync.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The file-system calls that make a destination durable, in one place so that their order can be
 * observed: the stage and swap steps write, force, rename and force the directory only through
 * this port. {@link #JDK} is the real one; tests record the calls.
 */
public interface FilePort {

    /** The JDK's file system. */
    FilePort JDK = new JdkFilePort();

    /** Creates a new empty file {@code dir/prefixRANDOM} that did not exist (O_EXCL, mode 0600). */
    Path createFile(Path dir, String prefix) throws IOException;

    /** Writes all of {@code data} to {@code channel}, which is open on {@code file}. */
    void write(FileChannel channel, Path file, ByteBuffer data) throws IOException;

    /** {@code fsync(2)} of {@code file}'s data and metadata through {@code channel}. */
    void force(FileChannel channel, Path file) throws IOException;

    /** {@code rename(2)}: moves {@code source} over {@code target} atomically. */
    void rename(Path source, Path target) throws IOException;

    /**
     * {@code fsync(2)} of a directory, which makes a rename or a removal in it durable. A file
     * system that refuses to sync a directory is not an error: the change has happened all the
     * same.
     */
    void forceDirectory(Path dir);

    /** This port with its renames done by {@code mover} (tests: a rename refused as a bind mount refuses it). */
    default FilePort renamingWith(Swapper.Mover mover) {
        FilePort self = this;
        return new FilePort() {
            @Override
            public Path createFile(Path dir, String prefix) throws IOException {
                return self.createFile(dir, prefix);
            }

            @Override
            public void write(FileChannel channel, Path file, ByteBuffer data) throws IOException {
                self.write(channel, file, data);
            }

            @Override
            public void force(FileChannel channel, Path file) throws IOException {
                self.force(channel, file);
            }

            @Override
            public void rename(Path source, Path target) throws IOException {
                mover.move(source, target);
            }

            @Override
            public void forceDirectory(Path dir) {
                self.forceDirectory(dir);
            }
        };
    }
}
