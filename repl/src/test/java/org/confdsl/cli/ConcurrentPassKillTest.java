package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --once} over many resources without commands (their destinations are written
 * several at once) killed with SIGKILL in the middle of the pass, again and again, each time
 * with every key changed: every destination must always be one complete render, and the next run
 * must remove every stage file and bring all of them to the final keys.
 */
class ConcurrentPassKillTest {

    static final int SITES = 300;
    static final int KILLS = Integer.getInteger("concurrentPassKill.kills", 12);
    static final Duration BUDGET = Duration.ofMinutes(4);
    static final String PADDING = "# " + "x".repeat(4000) + "\n";
    static final Pattern COMPLETE = Pattern.compile("v = g(\\d+)\n" + Pattern.quote(PADDING));

    @TempDir
    Path tmp;

    @Test
    void aPassKilledWhileItWritesManyFilesAtOnceLeavesOnlyCompleteFilesAndTheNextRunFinishes() throws Exception {
        Path out = tmp.resolve("out");
        Files.writeString(tmp.resolve("site.tmpl"), "v = ${getv('/v')}\n" + PADDING);
        Files.writeString(tmp.resolve("sites.groovy"), "store file('keys.yaml')\n"
                + "(0..<" + SITES + ").each { int i ->\n"
                + "    String name = String.format('s%03d', i)\n"
                + "    resource(name) {\n"
                + "        prefix \"/sites/${name}\"\n"
                + "        keys '/v'\n"
                + "        template 'site.tmpl'\n"
                + "        dest \"out/${name}.conf\"\n"
                + "        mkdirs true\n"
                + "    }\n"
                + "}\n");
        generation(0);
        CliRunner.Result first = ChildDaemon.run(tmp, args());
        assertThat(first.code()).as(first.toString()).isZero();

        Random random = new Random();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int kills = 0;
        int midPass = 0;
        List<String> broken = new ArrayList<>();
        int gen = 0;
        while (kills < KILLS && System.nanoTime() < deadline) {
            gen++;
            generation(gen);
            try (ChildDaemon run = ChildDaemon.start(tmp, args())) {
                // Kill once the pass has begun writing: the first site is among the first batch.
                if (!awaitGeneration(out.resolve("s000.conf"), gen, run)) {
                    continue;
                }
                Thread.sleep(random.nextInt(40));
                run.kill9();
                kills++;
            }
            int[] counts = inspect(out, gen, broken);
            if (counts[0] > 0 && counts[1] > 0) {
                midPass++;
            }
        }
        gen++;
        generation(gen);
        CliRunner.Result last = ChildDaemon.run(tmp, args());

        System.out.printf("kills: %d, of which mid-pass (old and new files side by side): %d%n", kills, midPass);
        assertThat(broken).as("destinations that were not one complete render right after a kill").isEmpty();
        assertThat(kills).as("kills within the budget").isGreaterThanOrEqualTo(Math.min(KILLS, 5));
        assertThat(midPass).as("kills that landed while the pass was writing").isPositive();
        assertThat(last.code()).as(last.toString()).isZero();
        int[] finalCounts = inspect(out, gen, broken);
        assertThat(broken).isEmpty();
        assertThat(finalCounts[1]).as("files at the final keys").isEqualTo(SITES);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".confdsl-")).toList())
                    .as("stage files left after recovery").isEmpty();
        }
    }

    private String[] args() {
        return new String[] {"run", tmp.resolve("sites.groovy").toString(), "--once", "--state-dir", tmp.resolve("state").toString()};
    }

    /** Every site's key at generation {@code gen}, the key file replaced atomically. */
    private void generation(int gen) throws IOException {
        StringBuilder yaml = new StringBuilder("sites:\n");
        for (int i = 0; i < SITES; i++) {
            yaml.append(String.format("  s%03d:%n    v: g%d%n", i, gen));
        }
        Path temp = tmp.resolve(".keys.yaml.tmp");
        Files.writeString(temp, yaml);
        Files.move(temp, tmp.resolve("keys.yaml"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits (bounded, 90 s) until {@code file} holds generation {@code gen}; false when the run ended first. */
    private static boolean awaitGeneration(Path file, int gen, ChildDaemon run) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String wanted = "v = g" + gen + "\n";
        while (System.nanoTime() < deadline) {
            if (read(file).startsWith(wanted)) {
                return true;
            }
            if (!run.isAlive()) {
                return false;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the pass did not write " + file + " within 90 s:\n" + run.out() + run.err());
    }

    /** {older, at gen} counts; what is neither a complete render nor absent goes to {@code broken}. */
    private static int[] inspect(Path out, int gen, List<String> broken) throws IOException {
        int[] counts = new int[2];
        for (int i = 0; i < SITES; i++) {
            Path file = out.resolve(String.format("s%03d.conf", i));
            String text = read(file);
            Matcher m = COMPLETE.matcher(text);
            if (!m.matches()) {
                broken.add(file.getFileName() + ": " + text.length() + " chars");
            } else if (Integer.parseInt(m.group(1)) == gen) {
                counts[1]++;
            } else {
                counts[0]++;
            }
        }
        return counts;
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "(no file)";
        }
    }
}
