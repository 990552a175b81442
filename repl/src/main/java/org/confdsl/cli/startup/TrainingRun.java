package org.confdsl.cli.startup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.confdsl.cli.Cli;

/**
 * The training workload of the start-up archive ({@code src/dist/aot-train.sh}): runs several
 * {@code confdsl} command lines in one JVM, so that one ahead-of-time cache (JDK 25) or one
 * class-data-sharing archive (JDK 17) records the classes of all of them: the file store, etcd,
 * {@code keys}, and the first pass of a watch daemon.
 *
 * <p>Its argument is a file with one command line per line, words separated by spaces (no
 * quoting); blank lines and lines starting with {@code #} are skipped. A line
 * {@code watch FILE ARGS...} runs {@code confdsl ARGS...} (a watch daemon) until {@code FILE}
 * exists, then stops it as Ctrl-C does. Exits non-zero when a command fails, so a broken
 * training run is not mistaken for a good archive.
 */
public final class TrainingRun {

    private static final long WATCH_LIMIT_MS = 60_000;

    private TrainingRun() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: TrainingRun COMMANDS-FILE");
            System.exit(64);
        }
        System.setProperty("picocli.disable.closures", "true");
        int failures = 0;
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> words = new ArrayList<>(Arrays.asList(trimmed.split("\\s+")));
            int code = words.get(0).equals("watch")
                    ? watchUntil(Path.of(words.get(1)), words.subList(2, words.size()).toArray(String[]::new))
                    : run(words.toArray(String[]::new));
            if (code != 0) {
                System.err.println("training: exit " + code + " from: " + trimmed);
                failures++;
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int run(String[] args) {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return Cli.execute(quiet, err, args);
    }

    /** Runs a daemon on its own thread until {@code written} exists, then interrupts it as the shutdown hook does. */
    private static int watchUntil(Path written, String[] args) throws InterruptedException {
        int[] code = {-1};
        Thread daemon = new Thread(() -> code[0] = run(args), "training-watch");
        daemon.start();
        long deadline = System.currentTimeMillis() + WATCH_LIMIT_MS;
        while (!Files.exists(written) && daemon.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20); // polling a file in a training run; no test depends on it
        }
        boolean wrote = Files.exists(written);
        daemon.interrupt();
        daemon.join(WATCH_LIMIT_MS);
        return wrote ? 0 : (code[0] == 0 ? 1 : code[0]);
    }
}
