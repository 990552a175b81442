package org.confdsl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged program as a separate process that lives on (a daemon): its output in files, its
 * pid for real signals, waits bounded in time. Stopped (killed) by {@link #close} if still alive.
 */
final class ProgramProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private ProgramProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code java -jar confdsl.jar ARGS} in {@code dir} with {@code env} added to the
     * environment, every signal at its default disposition whatever the test runner inherited
     * (a build started under {@code nohup} would otherwise hand SIGHUP down ignored).
     */
    static ProgramProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        return start(List.of("env", "--default-signal"), dir, env, args);
    }

    /** Like {@link #start(Path, Map, String...)}, run by {@code nohup}: SIGHUP ignored from the start. */
    static ProgramProcess startUnderNohup(Path dir, Map<String, String> env, String... args) throws IOException {
        return start(List.of("env", "--default-signal", "nohup"), dir, env, args);
    }

    private static ProgramProcess start(List<String> prefix, Path dir, Map<String, String> env, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("confdsl.jar", "target/confdsl.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged program").exists();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out-", ".txt");
        Path err = Files.createTempFile(dir, "err-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        return new ProgramProcess(pb.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    /** Sends a real signal ({@code HUP}, {@code TERM}, {@code INT}) with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -s " + name).isZero();
    }

    /** Waits (at most {@code within}) until standard output or error contains {@code text}. */
    void awaitOutput(String text, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(out() + err()).as("output of confdsl (pid %d)", pid()).contains(text));
    }

    /** Waits (at most {@code within}) for the exit; the exit code. */
    int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("confdsl did not exit within " + within + "\nout:\n" + out() + "\nerr:\n" + err());
        }
        return process.exitValue();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    @Override
    public String toString() {
        return "confdsl pid " + pid() + "\nout:\n" + out() + "\nerr:\n" + err();
    }
}
