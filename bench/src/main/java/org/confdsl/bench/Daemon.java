package org.confdsl.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The real program, {@code ./confdsl run SCRIPT --watch --sync-only}, as a separate process stopped by its PID. */
final class Daemon implements AutoCloseable {

    private final Process process;
    private final AtomicInteger updates = new AtomicInteger();

    private Daemon(Process process) {
        this.process = process;
        Thread reader = new Thread(this::countUpdates, "daemon-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static Daemon start(Path launcher, Path script, Path stateDir, Path log) {
        try {
            Process p = new ProcessBuilder(List.of(launcher.toString(), "run", script.toString(), "--watch", "--sync-only",
                    "--state-dir", stateDir.toString()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new Daemon(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + launcher, e);
        }
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
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the daemon's RSS", e);
        }
        throw new IllegalStateException("no VmRSS for pid " + process.pid());
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
