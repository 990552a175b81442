package org.confdsl.sync.recovery;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per destination, across processes; a dead holder blocks nobody. */
class DestinationLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondHolderInThisProcessIsRefusedUntilTheFirstLetsGo() throws Exception {
        Path dest = dir.resolve("app.conf");
        DestinationLock first = DestinationLock.acquire(dest, Duration.ZERO, "confdsl daemon");
        try {
            DestinationLockedException e = assertThrows(DestinationLockedException.class,
                    () -> DestinationLock.acquire(dest, Duration.ofMillis(200), "confdsl"));
            assertTrue(e.getMessage().startsWith(dest + " is being written by confdsl daemon (pid "
                    + ProcessHandle.current().pid() + " on host "), e.getMessage());
            assertTrue(e.getMessage().contains("(this process) (waited 200ms); one confdsl per destination"), e.getMessage());
        } finally {
            first.close();
        }
        DestinationLock.acquire(dest, Duration.ZERO, "confdsl").close();
    }

    @Test
    void anotherProcessHoldingTheLockIsNamedAndItsDeathReleasesIt() throws Exception {
        Path dest = dir.resolve("app.conf");
        Path lockFile = DestinationLock.fileOf(dest);
        Path ready = dir.resolve("ready");
        // Another JVM, as another confdsl would be: a single-file program that takes the lock and waits.
        Path source = Files.writeString(dir.resolve("Holder.java"), String.join("\n",
                "import java.nio.*; import java.nio.channels.*; import java.nio.file.*;",
                "public class Holder { public static void main(String[] a) throws Exception {",
                "  FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);",
                "  c.lock(); c.truncate(0);",
                "  c.write(ByteBuffer.wrap((\"confdsl daemon (pid \" + ProcessHandle.current().pid() + \" on host web9, since then)\").getBytes()));",
                "  Files.writeString(Path.of(a[1]), \"\"); Thread.sleep(120_000); } }"));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), lockFile.toString(), ready.toString()).inheritIO().start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready) && System.nanoTime() < deadline && holder.isAlive()) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(ready), "the holder took the lock");

            DestinationLockedException e = assertThrows(DestinationLockedException.class,
                    () -> DestinationLock.acquire(dest, Duration.ofMillis(300), "confdsl"));
            assertTrue(e.getMessage().contains("is being written by confdsl daemon (pid " + holder.pid() + " on host web9"),
                    e.getMessage());

            holder.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            DestinationLock.acquire(dest, Duration.ofSeconds(5), "confdsl").close();
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aDirectoryThatCannotHoldTheLockFileIsNamed() throws IOException {
        Path notADir = Files.writeString(dir.resolve("file"), "");
        Exception e = assertThrows(Exception.class, () -> DestinationLock.acquire(notADir.resolve("app.conf"), Duration.ZERO, "x"));
        assertTrue(e.getMessage().startsWith("cannot lock " + notADir.resolve("app.conf")), e.getMessage());
    }

    @Test
    void theLockFileExistsOnlyWhileHeldAndALeftoverOfAKilledHolderIsTakenOver() throws Exception {
        Path dest = dir.resolve("app.conf");
        Path lockFile = DestinationLock.fileOf(dest);
        Files.writeString(lockFile, "confdsl daemon (pid 1 on host gone, since long ago)\ntoken=x\n");

        DestinationLock lock = DestinationLock.acquire(dest, Duration.ZERO, "confdsl");
        try {
            assertTrue(Files.readString(lockFile).startsWith("confdsl (pid " + ProcessHandle.current().pid() + " on host "),
                    Files.readString(lockFile));
        } finally {
            lock.close();
        }
        assertTrue(Files.notExists(lockFile), "removed on release");
    }
}
