package org.confdsl.sync.recovery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.confdsl.sync.internal.FilePort;
import org.confdsl.sync.internal.StepException;

/**
 * Who may write which destination, and the recovery that comes with taking one.
 *
 * <p>A daemon {@linkplain #claim claims} its destinations at start and holds them for its life:
 * a second daemon is refused with a message naming the holder. A one-shot run {@linkplain #enter
 * enters} a destination for one sync, waiting up to {@code wait} for a holder, then failing with
 * the holder's name. Whoever takes a destination's lock first ends the orphaned commands of dead
 * processes (once per process) and then {@linkplain Recovery recovers} the destination.
 */
public final class Destinations {

    /** How long a one-shot run waits for a destination another process holds. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    /** A destination entered for one sync; {@link #close()} releases it unless it is claimed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final IntentJournal journal;
    private final CommandJournal commands;
    private final Recovery recovery;
    private final Duration wait;
    private final Map<Path, DestinationLock> claimed = new ConcurrentHashMap<>();
    private final AtomicBoolean orphansEnded = new AtomicBoolean();

    /**
     * @param journal the intent journal of this process's state directory
     * @param commands the record of running commands, for ending orphans
     * @param files the file system recovery renames through
     * @param wait how long {@link #enter} waits for another holder
     */
    public Destinations(IntentJournal journal, CommandJournal commands, FilePort files, Duration wait) {
        this.journal = journal;
        this.commands = commands;
        this.recovery = new Recovery(journal, files);
        this.wait = wait;
    }

    /** The program's: journal and command records in {@code stateDir}, {@link #DEFAULT_WAIT}. */
    public static Destinations inStateDirectory(Path stateDir) {
        return new Destinations(IntentJournal.inDirectory(stateDir), CommandJournal.inDirectory(stateDir), FilePort.JDK,
                DEFAULT_WAIT);
    }

    /** No journal, no command records: locks only (tests, embedding). */
    public static Destinations lockingOnly() {
        return new Destinations(IntentJournal.none(), CommandJournal.none(), FilePort.JDK, DEFAULT_WAIT);
    }

    /** The journal steps write their intents to. */
    public IntentJournal journal() {
        return journal;
    }

    /**
     * Takes {@code dest} for the life of this object (a daemon), recovering it.
     *
     * @throws DestinationLockedException naming the holder, at once, when another process has it
     */
    public void claim(Path dest) throws StepException {
        Path key = key(dest);
        if (claimed.containsKey(key)) {
            return;
        }
        endOrphans();
        DestinationLock lock = DestinationLock.acquire(key, Duration.ZERO, "confdsl daemon");
        claimed.put(key, lock);
        recovery.recover(key);
    }

    /**
     * Takes {@code dest} for one sync, recovering it; a claimed destination is simply used.
     *
     * @throws DestinationLockedException naming the holder when another process still has it after the wait
     * @throws StepException when the lock cannot be taken or the destination cannot be recovered
     */
    public Held enter(Path dest) throws StepException {
        Path key = key(dest);
        if (claimed.containsKey(key)) {
            if (journal.read(key).isPresent()) {
                // A restore that failed earlier in this process: try again before anything else.
                recovery.recover(key);
            }
            return () -> { };
        }
        endOrphans();
        DestinationLock lock = DestinationLock.acquire(key, wait, "confdsl");
        try {
            recovery.recover(key);
        } catch (StepException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return lock::close;
    }

    /** Releases every claimed destination. */
    public void releaseAll() {
        claimed.values().forEach(DestinationLock::close);
        claimed.clear();
    }

    private void endOrphans() {
        if (orphansEnded.compareAndSet(false, true)) {
            commands.recoverOrphans();
        }
    }

    private static Path key(Path dest) {
        return dest.toAbsolutePath().normalize();
    }
}
