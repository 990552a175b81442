package org.confdsl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's package) with its own prefix, config and pid file, listening on one
 * loopback port, stopped by its PID; never the system instance. The prefix holds
 * {@code nginx.conf} (paths in it relative to the prefix, as in dsl-examples/nginx_rolling_upgrade);
 * {@link #start} writes {@code listen.conf} there with the port, so a config can
 * {@code include listen.conf;}. nginx runs in the foreground ({@code daemon off;}), so the
 * process started here is the master; its output goes to {@code nginx.out} in the prefix.
 */
public final class NginxProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path prefix;
    private final String address;
    private final int port;
    private final Process master;

    private NginxProcess(Path prefix, String address, int port, Process master) {
        this.prefix = prefix;
        this.address = address;
        this.port = port;
        this.master = master;
    }

    /** The nginx binary, or a failure saying how to install it. */
    public static Path binary() {
        return Executables.require("nginx", "nginx");
    }

    /**
     * Starts nginx on {@code prefix} with {@code listen.conf} saying 127.0.0.1:{@code port}, and waits
     * until its pid file and workers exist. It listens once a server block includes {@code listen.conf}
     * (the example's rendered file does).
     *
     * @throws IllegalStateException when it exits or does not start within 20 s (its output is in the message)
     */
    public static NginxProcess start(Path prefix, int port) {
        return start(prefix, "127.0.0.1", port, List.of());
    }

    /**
     * As {@link #start(Path, int)}, listening on {@code address} and started through {@code wrapper}
     * (e.g. {@code ip netns exec NS}, which execs nginx, so the PID is still nginx's).
     */
    public static NginxProcess start(Path prefix, String address, int port, List<String> wrapper) {
        Path nginx = binary();
        Path dir = prefix.toAbsolutePath().normalize();
        try {
            Files.writeString(dir.resolve("listen.conf"), "listen " + address + ":" + port + ";\n");
            List<String> command = new java.util.ArrayList<>(wrapper);
            command.addAll(List.of(nginx.toString(), "-e", "stderr", "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(),
                    "-g", "daemon off;"));
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.out").toFile())
                    .start();
            NginxProcess started = new NginxProcess(dir, address, port, p);
            started.awaitStarted();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start nginx in " + dir, e);
        }
    }

    /** The port nginx listens on. */
    public int port() {
        return port;
    }

    /** {@code http://ADDRESS:PORT/}. */
    public String url() {
        return "http://" + address + ":" + port + "/";
    }

    /** The address nginx listens on. */
    public String address() {
        return address;
    }

    /** The prefix directory. */
    public Path prefix() {
        return prefix;
    }

    /** The master's PID. */
    public long pid() {
        return master.pid();
    }

    /** The PIDs of the master's children now (its workers). */
    public List<Long> workers() {
        return master.children().map(ProcessHandle::pid).toList();
    }

    /** What nginx printed so far. */
    public String output() {
        try {
            return Files.readString(prefix.resolve("nginx.out"));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private void awaitStarted() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                throw new IllegalStateException("nginx exited with " + master.exitValue() + ": " + output());
            }
            if (Files.exists(prefix.resolve("nginx.pid")) && !master.children().toList().isEmpty()) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while nginx started", e);
            }
        }
        close();
        throw new IllegalStateException("nginx did not start within " + START_TIMEOUT.toSeconds() + "s: " + output());
    }

    /** Fast shutdown (SIGTERM to the master, which stops its workers); SIGKILL to all of them after 10 s. */
    @Override
    public void close() {
        List<ProcessHandle> tree = master.descendants().toList();
        master.destroy();
        try {
            if (!master.waitFor(10, TimeUnit.SECONDS)) {
                master.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            master.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
