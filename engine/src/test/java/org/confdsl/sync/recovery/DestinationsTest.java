package org.confdsl.sync.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.confdsl.sync.internal.FilePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claiming and entering destinations: who waits, who is refused, and what is recovered when. */
class DestinationsTest {

    @TempDir
    Path dir;

    private Destinations destinations(CommandJournal commands) {
        return new Destinations(IntentJournal.inDirectory(dir.resolve("state")), commands, FilePort.JDK, Duration.ofMillis(100));
    }

    @Test
    void aClaimRecoversHoldsUntilReleaseAllAndASecondClaimIsANoOp() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "x\n");
        Path stale = Files.writeString(dir.resolve(".app.conf.confdsl-1"), "partial");
        Destinations daemon = destinations(CommandJournal.none());

        daemon.claim(dest);
        daemon.claim(dest);

        assertFalse(Files.exists(stale), "recovered when claimed");
        assertThrows(DestinationLockedException.class, () -> DestinationLock.acquire(dest, Duration.ZERO, "other"));
        daemon.enter(dest).close();
        assertThrows(DestinationLockedException.class, () -> DestinationLock.acquire(dest, Duration.ZERO, "other"),
                "leaving an entered, claimed destination keeps the claim");

        daemon.releaseAll();
        DestinationLock.acquire(dest, Duration.ZERO, "other").close();

        daemon.claim(dest);
        try {
            assertThrows(DestinationLockedException.class, () -> DestinationLock.acquire(dest, Duration.ZERO, "other"),
                    "claimed again after releaseAll");
        } finally {
            daemon.releaseAll();
        }
    }

    @Test
    void enteringAClaimedDestinationRetriesARestoreLeftInTheJournal() throws Exception {
        Path dest = Files.writeString(dir.resolve("app.conf"), "candidate\n");
        Destinations daemon = destinations(CommandJournal.none());
        daemon.claim(dest);
        try {
            Path backup = Files.writeString(dir.resolve(".app.conf.confdsl-backup-1"), "previous\n");
            daemon.journal().checkingInPlace(dest, Optional.of(backup));

            daemon.enter(dest).close();

            assertEquals("previous\n", Files.readString(dest));
            assertEquals(Optional.empty(), daemon.journal().read(dest));
        } finally {
            daemon.releaseAll();
        }
    }

    @Test
    void theFirstTakerEndsOrphanedCommandRecordsOnce() throws Exception {
        Process owner = new ProcessBuilder("true").start();
        ProcessIdentity dead = ProcessIdentity.of(owner.pid()).orElse(new ProcessIdentity(owner.pid(), 1));
        owner.waitFor(10, TimeUnit.SECONDS);
        owner.onExit().get(10, TimeUnit.SECONDS);
        Path commands = Files.createDirectories(dir.resolve("state").resolve("commands"));
        Path first = Files.writeString(commands.resolve("confdsl-cmd-" + dead.pid() + "-" + dead.startTicks() + "-1.out"), "");
        Destinations one = destinations(CommandJournal.inDirectory(dir.resolve("state")));

        one.enter(dir.resolve("a.conf")).close();
        assertFalse(Files.exists(first), "ended by the first enter");

        Path second = Files.writeString(commands.resolve("confdsl-cmd-" + dead.pid() + "-" + dead.startTicks() + "-2.out"), "");
        one.enter(dir.resolve("b.conf")).close();
        one.claim(dir.resolve("c.conf"));
        one.releaseAll();
        assertTrue(Files.exists(second), "once per process");
    }

    @Test
    void aDaemonsFirstClaimEndsOrphanedCommandRecordsToo() throws Exception {
        Process owner = new ProcessBuilder("true").start();
        ProcessIdentity dead = ProcessIdentity.of(owner.pid()).orElse(new ProcessIdentity(owner.pid(), 1));
        owner.waitFor(10, TimeUnit.SECONDS);
        owner.onExit().get(10, TimeUnit.SECONDS);
        Path commands = Files.createDirectories(dir.resolve("state").resolve("commands"));
        Path record = Files.writeString(commands.resolve("confdsl-cmd-" + dead.pid() + "-" + dead.startTicks() + "-1.out"), "");
        Destinations daemon = destinations(CommandJournal.inDirectory(dir.resolve("state")));

        daemon.claim(dir.resolve("a.conf"));
        daemon.releaseAll();

        assertFalse(Files.exists(record));
    }

    @Test
    void aWaiterGetsTheLockWhenTheHolderLetsGoWithinTheWait() throws Exception {
        Path dest = dir.resolve("app.conf");
        DestinationLock holder = DestinationLock.acquire(dest, Duration.ZERO, "holder");
        CompletableFuture<DestinationLock> got = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                got.complete(DestinationLock.acquire(dest, Duration.ofSeconds(30), "waiter"));
            } catch (Throwable t) {
                got.completeExceptionally(t);
            }
        });
        try {
            waiter.start();
            awaitSleeping(waiter);
            assertFalse(got.isDone(), "still waiting while held");
        } finally {
            holder.close();
        }
        got.get(20, TimeUnit.SECONDS).close();
    }

    /** Until {@code t} sleeps between two attempts: it has been refused at least once. */
    private static void awaitSleeping(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.TIMED_WAITING && t.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aZeroWaitIsRefusedAtOnceWithoutSayingItWaited() throws Exception {
        Path dest = dir.resolve("app.conf");
        DestinationLock holder = DestinationLock.acquire(dest, Duration.ZERO, "holder");
        try {
            DestinationLockedException e = assertThrows(DestinationLockedException.class,
                    () -> DestinationLock.acquire(dest, Duration.ZERO, "other"));
            assertFalse(e.getMessage().contains("waited"), e.getMessage());
            assertTrue(e.getMessage().contains("holder (pid " + ProcessHandle.current().pid()), e.getMessage());
        } finally {
            holder.close();
        }
    }

    @Test
    void aWaiterThatIsInterruptedGivesUpAndKeepsItsInterruptFlag() throws Exception {
        Path dest = dir.resolve("app.conf");
        DestinationLock holder = DestinationLock.acquire(dest, Duration.ZERO, "holder");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                DestinationLock.acquire(dest, Duration.ofSeconds(60), "waiter").close();
            } catch (Throwable t) {
                failure.set(t);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        try {
            waiter.start();
            awaitSleeping(waiter);
            waiter.interrupt();
            waiter.join(TimeUnit.SECONDS.toMillis(20));
        } finally {
            holder.close();
        }
        assertFalse(waiter.isAlive());
        assertEquals("interrupted while waiting for the lock of " + dest, failure.get().getMessage());
        assertEquals(Boolean.TRUE, flag.get());
    }

    @Test
    void releasingALockClosesEveryDescriptorItOpened() throws Exception {
        Path dest = dir.resolve("app.conf");
        long before = openDescriptors(dest);

        DestinationLock lock = DestinationLock.acquire(dest, Duration.ZERO, "confdsl");
        assertEquals(before + 2, openDescriptors(dest), "the lock's channel and the read-back probe");
        lock.close();

        assertEquals(before, openDescriptors(dest));
    }

    /** Descriptors of this process open on the lock file of {@code dest} (also after it was removed). */
    private static long openDescriptors(Path dest) throws Exception {
        String lockFile = DestinationLock.fileOf(dest).toString();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith(lockFile);
                } catch (Exception e) {
                    return false;
                }
            }).count();
        }
    }
}
