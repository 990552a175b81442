package org.confdsl.sync.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process as the kernel knows it: its id and its start time (clock ticks after boot, field 22
 * of {@code /proc/PID/stat}). A pid alone may have been reused by an unrelated process after the
 * one we started died; the pair names one process for the life of the machine.
 *
 * @param pid the process id
 * @param startTicks when it started, in clock ticks after boot
 */
public record ProcessIdentity(long pid, long startTicks) {

    /** This JVM. */
    public static ProcessIdentity current() {
        long pid = ProcessHandle.current().pid();
        return new ProcessIdentity(pid, stat(pid).map(Stat::startTicks).orElse(0L));
    }

    /** The process {@code pid} as it is now, or empty when there is none (or it is a zombie). */
    public static Optional<ProcessIdentity> of(long pid) {
        return stat(pid).filter(s -> s.state() != 'Z').map(s -> new ProcessIdentity(pid, s.startTicks()));
    }

    /** Whether this very process (same pid, same start time) still runs. */
    public boolean isAlive() {
        return of(pid).map(this::equals).orElse(false);
    }

    /** The process group of {@code pid}, or empty when the process is gone. */
    static Optional<Long> processGroup(long pid) {
        return stat(pid).filter(s -> s.state() != 'Z').map(Stat::group);
    }

    /** The fields of {@code /proc/PID/stat} recovery needs. */
    record Stat(char state, long group, long startTicks) {
    }

    static Optional<Stat> stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces and ')'.
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new Stat(f[0].charAt(0), Long.parseLong(f[2]), Long.parseLong(f[19])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
