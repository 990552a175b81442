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
 * the message of whoever is refused, and removes the file when it lets go, so the file exists
 * only while someone holds it (or after a holder was killed, until the next one). Within one JVM
 * a map stands in for the file lock, which the JVM holds per process.
 *
 * <p>Removing a lock file races with a process that opened it just before: that process may
 * lock the removed file. So a new holder writes a unique token through its lock and reads it
 * back through the path; when the path no longer shows its token it holds a removed file, and
 * tries again.
 */
public final class DestinationLock implements AutoCloseable {

    private static final Map<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 50;

    private static final DestinationLock STALE = new DestinationLock(Path.of("/"), Path.of("/"), null, null, null);

    private final Path dest;
    private final Path file;
    private final FileChannel channel;
    private final FileChannel probe;
    private final FileLock lock;

    private DestinationLock(Path dest, Path file, FileChannel channel, FileChannel probe, FileLock lock) {
        this.dest = dest;
        this.file = file;
        this.channel = channel;
        this.probe = probe;
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

    // Each stale file means another process took and released the lock meanwhile: bounded all the same.
    private static Optional<DestinationLock> tryAcquire(Path dest, String what) throws StepException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<DestinationLock> lock = tryOnce(dest, what);
            if (lock.isEmpty() || lock.get() != STALE) {
                return lock;
            }
        }
        return Optional.empty();
    }

    /** Empty when held by another; {@link #STALE} when we locked a removed file. */
    private static Optional<DestinationLock> tryOnce(Path dest, String what) throws StepException {
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
            String token = me + "\ntoken=" + Long.toHexString(System.nanoTime()) + "-" + Long.toHexString(Double.doubleToLongBits(Math.random())) + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
            // Read back through the path with a second descriptor that stays open as long as the
            // lock: closing any descriptor of the file would drop the process's fcntl lock on it.
            FileChannel probe = readBack(file, token);
            if (probe == null) {
                // We locked a file its last holder removed (see above): not the lock any more.
                lock.release();
                channel.close();
                HELD_IN_THIS_JVM.remove(key);
                return Optional.of(STALE);
            }
            return Optional.of(new DestinationLock(key, file, channel, probe, lock));
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

    /** A channel open on {@code file} that shows {@code token}, or null when the path shows something else. */
    private static FileChannel readBack(Path file, String token) {
        byte[] expected = token.getBytes(StandardCharsets.UTF_8);
        FileChannel probe = null;
        try {
            probe = FileChannel.open(file, StandardOpenOption.READ);
            ByteBuffer seen = ByteBuffer.allocate(expected.length + 1);
            while (seen.hasRemaining() && probe.read(seen) > 0) {
                // read what is there, up to one byte more than the token
            }
            if (seen.position() == expected.length && java.util.Arrays.equals(seen.array(), 0, expected.length, expected, 0, expected.length)) {
                return probe;
            }
        } catch (IOException e) {
            // removed meanwhile: stale
        }
        // Closing drops our fcntl lock on that file too, which is what we want for a stale one.
        closeQuietly(probe);
        return null;
    }

    /** Who holds the lock of {@code dest} now, as its holder described itself. */
    static String holder(Path dest) {
        String inJvm = HELD_IN_THIS_JVM.get(dest.toAbsolutePath().normalize());
        if (inJvm != null) {
            return inJvm + " (this process)";
        }
        try {
            String text = Files.readString(fileOf(dest), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            return text.isEmpty() ? "another process (it has not said which yet)" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    private static String describe(long pid, String what) {
        return what + " (pid " + pid + " on host " + HostName.get() + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")";
    }

    /** Removes the lock file, then releases the lock (in that order: see above). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next holder takes it over as it is
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        closeQuietly(probe);
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
