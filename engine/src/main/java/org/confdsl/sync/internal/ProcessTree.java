package org.confdsl.sync.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Terminates a process and everything it started. */
public final class ProcessTree {

    private static final long POLL_MILLIS = 20;

    private ProcessTree() {
    }

    /**
     * Sends SIGTERM to the descendants of {@code root}, then to {@code root}; whatever is still
     * alive after {@code grace} gets SIGKILL. Returns when all are gone or, for processes that
     * survive SIGKILL (uninterruptible sleep), after a second grace period.
     */
    public static void kill(ProcessHandle root, Duration grace) {
        // The descendants must be listed before the root dies: orphans are re-parented and would
        // no longer be found under it.
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        if (awaitGone(tree, grace)) {
            return;
        }
        // Children forked between the listing and the SIGTERM are caught here.
        List<ProcessHandle> survivors = new ArrayList<>();
        for (ProcessHandle p : tree) {
            if (alive(p)) {
                survivors.addAll(p.descendants().toList());
                survivors.add(p);
            }
        }
        survivors.forEach(ProcessHandle::destroyForcibly);
        awaitGone(survivors, grace);
    }

    /** Whether {@code p} still runs; a zombie (exited, not yet reaped) does not. */
    public static boolean alive(ProcessHandle p) {
        return p.isAlive() && !zombie(p.pid());
    }

    private static boolean awaitGone(List<ProcessHandle> processes, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            if (processes.stream().noneMatch(ProcessTree::alive)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    // Orphans re-parented to a PID 1 that does not reap stay zombies forever; ProcessHandle counts
    // them as alive, which would make every kill wait out the whole grace period.
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
