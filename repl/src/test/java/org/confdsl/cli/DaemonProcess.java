package org.confdsl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A watch daemon ({@code confdsl run SCRIPT --host NAME}) as a separate JVM on this test's class
 * path, so that it can be frozen ({@code kill -STOP}) and resumed like a real process. Stopped by
 * its PID; {@link #close()} resumes a frozen one first.
 */
final class DaemonProcess implements AutoCloseable {

    private final String host;
    private final Process process;
    private final Path log;
    private boolean frozen;

    private DaemonProcess(String host, Process process, Path log) {
        this.host = host;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code confdsl run script --host host ARGS...}; its output goes to {@code dir/HOST.log}. */
    static DaemonProcess start(Path script, String host, Path dir, String... args) {
        return startVia(List.of(), script, host, dir, args);
    }

    /** As {@link #start}, through {@code wrapper} (e.g. {@code ip netns exec NS}, which execs the JVM: the PID stays its own). */
    static DaemonProcess startVia(List<String> wrapper, Path script, String host, Path dir, String... args) {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", script.toString(), "--host", host, "--state-dir", dir.resolve(host + "-state").toString()));
        cmd.addAll(List.of(args));
        Path log = dir.resolve(host + ".log");
        try {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new DaemonProcess(host, p, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a daemon for " + host, e);
        }
    }

    String host() {
        return host;
    }

    long pid() {
        return process.pid();
    }

    /** SIGSTOP: the process keeps its sockets and files but does nothing (a long GC pause, a frozen VM). */
    void freeze() {
        signal("-STOP");
        frozen = true;
    }

    /** SIGCONT. */
    void resume() {
        if (frozen) {
            signal("-CONT");
            frozen = false;
        }
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Resumes a frozen daemon, then SIGTERM, SIGKILL after 15 s. */
    @Override
    public void close() {
        try {
            resume();
        } finally {
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
}
