package org.confdsl.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The real program, {@code ./confdsl run SCRIPT --watch --sync-only}, as a separate process stopped by its PID. */
final class Daemon implements AutoCloseable {

    /** USER_HZ: the unit of /proc/PID/stat's CPU times on Linux. */
    private static final long CLOCK_TICKS = 100;

    private final Process process;
    private final AtomicInteger updates = new AtomicInteger();

    private Daemon(Process process) {
        this.process = process;
        Thread reader = new Thread(this::countUpdates, "daemon-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static Daemon start(Path launcher, Path script, Path stateDir, Path log) {
        return start(launcher, script, stateDir, log, Map.of());
    }

    /** As above, with extra environment variables (e.g. {@code JAVA_OPTS} to try a JVM setting). */
    static Daemon start(Path launcher, Path script, Path stateDir, Path log, Map<String, String> env) {
        warmClassCache(launcher, script, log, env);
        return start(List.of(launcher.toString(), "run", script.toString(), "--watch", "--sync-only",
                "--state-dir", stateDir.toString()), log, env);
    }

    /**
     * Runs {@code confdsl check SCRIPT} once, which compiles the script and its templates into the
     * class cache: the daemon then starts as it does on a host that ran it before, without
     * Groovy's compiler (whose parser also keeps two cache-cleaning threads).
     */
    static void warmClassCache(Path launcher, Path script, Path log) {
        warmClassCache(launcher, script, log, Map.of());
    }

    /** As above on the runtime {@code env} picks ({@code CONFDSL_JAVA}): the class cache is kept per Java version. */
    static void warmClassCache(Path launcher, Path script, Path log, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(launcher.toString(), "check", script.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (env.containsKey("CONFDSL_JAVA")) {
                pb.environment().put("CONFDSL_JAVA", env.get("CONFDSL_JAVA"));
            }
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("confdsl check " + script + " took longer than 5 minutes");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + launcher, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Any command line of the program, e.g. a daemon that publishes its status. */
    static Daemon start(List<String> command, Path log, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            return new Daemon(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The CPU time (user + system) the daemon has used so far, in milliseconds (10 ms resolution). */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of /proc/PID/stat (utime, stime) are 11 and 12 after the command name
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1000 / CLOCK_TICKS;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the daemon's CPU time", e);
        }
    }

    /**
     * CPU time so far per thread ({@code "tid kind"}), in microseconds, from each thread's
     * schedstat (exact, not in 10 ms ticks); {@link #perKind} turns two of these into the CPU
     * used in between per kind of thread: JIT compiler, GC (Serial GC runs in the VM thread), the
     * gRPC event loop, the render/sync loop, the rest.
     */
    java.util.SortedMap<String, Long> cpuByThread() {
        java.util.SortedMap<String, Long> threads = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip();
                    long nanos = Long.parseLong(Files.readString(t.resolve("schedstat")).split(" ")[0]);
                    threads.put(t.getFileName() + " " + kindOf(name), nanos / 1000);
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the daemon's threads", e);
        }
        return threads;
    }

    /** Microseconds per kind of thread between two {@link #cpuByThread()} readings (threads that ended in between are left out). */
    static java.util.SortedMap<String, Long> perKind(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        java.util.SortedMap<String, Long> kinds = new java.util.TreeMap<>();
        after.forEach((thread, micros) -> kinds.merge(thread.substring(thread.indexOf(' ') + 1),
                micros - before.getOrDefault(thread, 0L), Long::sum));
        return kinds;
    }

    private static String kindOf(String thread) {
        if (thread.contains("CompilerThre")) {
            return "JIT compiler";
        }
        if (thread.startsWith("VM Thread") || thread.startsWith("GC")) {
            return "GC and safepoints";
        }
        if (thread.startsWith("vert.x-eventloo")) {
            return "gRPC event loop";
        }
        if (thread.startsWith("confdsl-engine") || thread.startsWith("confdsl-code")) {
            return "render and sync";
        }
        return "other";
    }

    /** The names of the daemon's threads, digits folded ({@code pool-N-thread-N}), with their counts. */
    java.util.SortedMap<String, Integer> threadNames() {
        java.util.SortedMap<String, Integer> names = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    names.merge(Files.readString(t.resolve("comm")).strip().replaceAll("\\d+", "N"), 1, Integer::sum);
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the daemon's threads", e);
        }
        return names;
    }

    /** How many threads the daemon runs now. */
    int threads() {
        return (int) statusField("Threads:");
    }

    /** How many UPDATED outcome lines the daemon has printed. */
    int updates() {
        return updates.get();
    }

    long pid() {
        return process.pid();
    }

    /** The daemon's resident set size in KiB, from /proc. */
    long rssKib() {
        return statusField("VmRSS:");
    }

    private long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + process.pid() + "/status", e);
        }
        throw new IllegalStateException("no " + name + " for pid " + process.pid());
    }

    private void countUpdates() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.contains(" UPDATED ")) {
                    updates.incrementAndGet();
                }
            }
        } catch (IOException ended) {
            // the daemon stopped
        }
    }

    /** Stops the daemon with SIGTERM, SIGKILL after 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
