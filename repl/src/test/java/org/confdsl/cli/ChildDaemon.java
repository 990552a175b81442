package org.confdsl.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code confdsl} program in a child JVM with the test class path, so that a test can kill it
 * with SIGKILL as the kernel or an operator would. Output goes to files in {@code dir}.
 */
final class ChildDaemon implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private ChildDaemon(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code confdsl ARGS}; the child's temp directory is {@code dir/jtmp}, its class cache {@code dir/classes}. */
    static ChildDaemon start(Path dir, String... args) throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("jtmp"));
        Path cache = Files.createDirectories(dir.resolve("classes"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Djava.io.tmpdir=" + tmp, "-Dconfdsl.classCache=" + cache,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        String id = Long.toHexString(System.nanoTime());
        Path out = dir.resolve("child-" + id + ".out");
        Path err = dir.resolve("child-" + id + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        return new ChildDaemon(p, out, err);
    }

    /** Runs {@code confdsl ARGS} to its end (at most 90 s). */
    static CliRunner.Result run(Path dir, String... args) throws IOException, InterruptedException {
        try (ChildDaemon child = start(dir, args)) {
            if (!child.process.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("confdsl " + String.join(" ", args) + " did not finish in 90 s");
            }
            return new CliRunner.Result(child.process.exitValue(), child.out(), child.err());
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the daemon survived SIGKILL for 30 s");
        }
    }

    /** Waits up to 60 s for the program to exit by itself; its exit code. */
    int await() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the program did not exit within 60 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
