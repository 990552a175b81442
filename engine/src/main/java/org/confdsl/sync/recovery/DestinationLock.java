package org.confdsl.sync.recovery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.confdsl.sync.internal.StepException;

/**
 * The lock that keeps two processes from writing one destination at once: an OS file lock
 * ({@code fcntl}) on {@code .NAME.confdsl.lock} beside the destination, so it holds whatever
 * state directory each process uses, and the kernel releases it when its holder dies (a dead
 * holder never blocks anyone). The holder writes its pid, host and start time into the file for
 * the message of whoever is refused. Within one JVM a map stands in for the file lock, which
 * the JVM holds per process.
 */
public final class DestinationLock implements AutoCloseable {

    private static final Map<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 50;

    private final Path dest;
    private final FileChannel channel;
    private final FileLock lock;

    private DestinationLock(Path dest, FileChannel channel, FileLock lock) {
        this.dest = dest;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code dest}. */
    public static Path fileOf(Path dest) {
        Path abs = dest.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".confdsl.lock");
    }

    /**
     * Takes the lock of {@code dest}, waiting up to {@code wait} while another holds it.
     *
     * @param what what this process is, for the message of others (e.g. {@code confdsl run --watch})
     * @throws DestinationLockedException naming the holder when it is still held after {@code wait}
     * @throws StepException when the lock file cannot be created (e.g. the directory is not writable)
     */
    public static DestinationLock acquire(Path dest, Duration wait, String what) throws StepException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<DestinationLock> lock = tryAcquire(dest, what);
            if (lock.isPresent()) {
                return lock.get();
            }
            if (System.nanoTime() >= deadline) {
                String waited = wait.isZero() ? "" : " (waited " + org.confdsl.model.Durations.format(wait) + ")";
                throw new DestinationLockedException(dest + " is being written by " + holder(dest) + waited
                        + "; one confdsl per destination: stop that one, or wait for it to finish");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DestinationLockedException("interrupted while waiting for the lock of " + dest);
            }
        }
    }

    private static Optional<DestinationLock> tryAcquire(Path dest, String what) throws StepException {
        Path key = dest.toAbsolutePath().normalize();
        String me = describe(ProcessHandle.current().pid(), what);
        if (HELD_IN_THIS_JVM.putIfAbsent(key, me) != null) {
            return Optional.empty();
        }
        Path file = fileOf(dest);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD_IN_THIS_JVM.remove(key);
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            return Optional.of(new DestinationLock(key, channel, lock));
        } catch (IOException e) {
            HELD_IN_THIS_JVM.remove(key);
            closeQuietly(channel);
            if (e instanceof AccessDeniedException) {
                throw new StepException("cannot lock " + dest + ": directory " + file.getParent()
                        + " is not writable (permission denied); the lock file " + file.getFileName() + ", the stage file and the rename need it", e);
            }
            throw new StepException("cannot lock " + dest + " with " + file + ": " + e.getMessage(), e);
        }
    }

    /** Who holds the lock of {@code dest} now, as its holder described itself. */
    static String holder(Path dest) {
        String inJvm = HELD_IN_THIS_JVM.get(dest.toAbsolutePath().normalize());
        if (inJvm != null) {
            return inJvm + " (this process)";
        }
        try {
            String text = Files.readString(fileOf(dest), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process (it has not said which yet)" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    private static String describe(long pid, String what) {
        return what + " (pid " + pid + " on host " + HostName.get() + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")";
    }

    /** Releases the lock; the file stays (removing it would race with the next holder). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
        HELD_IN_THIS_JVM.remove(dest);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
