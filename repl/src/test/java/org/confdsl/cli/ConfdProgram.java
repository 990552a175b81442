package org.confdsl.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code confdsl} as a separate process on the test class path, as a confd user's script
 * runs confd: with its own environment (a {@code PATH} holding a fake {@code nginx}), bounded in time.
 */
final class ConfdProgram {

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private ConfdProgram() {
    }

    static Result run(Path workDir, Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpicocli.disable.closures=true", "-cp", System.getProperty("java.class.path"),
                "org.confdsl.cli.Main"));
        command.addAll(args);
        try {
            Path out = Files.createTempFile(workDir, "out", ".txt");
            Path err = Files.createTempFile(workDir, "err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("confdsl did not finish within 120 s: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code confdsl ARGS} in the background (a daemon); output goes to files in {@code workDir}. */
    static Process start(Path workDir, Map<String, String> env, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpicocli.disable.closures=true", "-cp", System.getProperty("java.class.path"),
                "org.confdsl.cli.Main"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("daemon-out.txt").toFile())
                .redirectError(workDir.resolve("daemon-err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** A directory holding an executable {@code nginx} that appends its arguments to {@code calls}. */
    static Path fakeNginx(Path dir, Path calls) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path nginx = bin.resolve("nginx");
        Files.writeString(nginx, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\n");
        nginx.toFile().setExecutable(true);
        return bin;
    }
}
