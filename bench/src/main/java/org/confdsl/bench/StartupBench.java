package org.confdsl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.etcd.jetcd.Client;
import org.confdsl.testkit.EtcdProcess;

/**
 * Goal 2, start-up: cold processes of the real program, each variant in turn within every round
 * (so that the machine's mood falls on all of them alike), medians over the rounds:
 * {@code --version}, {@code run --once} on the file store (the quickstart) and on etcd (2 keys),
 * wall time and peak RSS ({@code /usr/bin/time}); and a watch daemon's first render after start.
 *
 * <pre>src/bench/startup.sh [rounds] [variant-file]</pre>
 *
 * A variant file holds lines {@code label|command words}, the command standing for
 * {@code confdsl}; {@code {jar}} is replaced by the built jar, {@code {root}} by the repository.
 */
public final class StartupBench {

    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final Path work;
    private final String endpoint;

    private StartupBench(Path work, String endpoint) {
        this.work = work;
        this.endpoint = endpoint;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path launcher = Path.of(System.getProperty("confdsl.launcher", "confdsl")).toAbsolutePath();
        Path root = launcher.getParent();
        Map<String, List<String>> variants = args.length > 1 ? readVariants(Path.of(args[1]), root) : defaults(launcher, root);
        Path work = Files.createTempDirectory("confdsl-startup-");
        Path shm = Path.of("/dev/shm");
        Path etcdParent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        try (EtcdProcess etcd = EtcdProcess.start(List.of(), etcdParent);
                Client client = Client.builder().endpoints(etcd.clientUrl()).build()) {
            DaemonSetup keys = new DaemonSetup(work, client.getKVClient(), etcd.clientUrl());
            keys.put("/cloud/subdomain", "cloud");
            keys.put("/cloud/upstream/a", "127.0.0.1:1337");
            StartupBench bench = new StartupBench(work, etcd.clientUrl());
            bench.prepare(root);
            bench.run(variants, rounds);
            System.out.printf("# load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            WatchBenchFiles.deleteTree(work);
        }
    }

    private static Map<String, List<String>> defaults(Path launcher, Path root) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        // the launcher's default: Temurin 25 + AOT cache where installed
        v.put("./confdsl (default)", List.of(launcher.toString()));
        v.put("./confdsl on JDK 25 (AOT cache)", List.of("env", "CONFDSL_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java",
                launcher.toString()));
        v.put("./confdsl on JDK 17 (CDS archive)", List.of("env", "CONFDSL_JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                launcher.toString()));
        v.put("java -jar (JDK 17, nothing cached)", List.of("java", "-jar", root.resolve("repl/target/confdsl.jar").toString()));
        return v;
    }

    private static Map<String, List<String>> readVariants(Path file, Path root) throws IOException {
        Map<String, List<String>> v = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", 2);
            String cmd = parts[1].trim().replace("{jar}", root.resolve("repl/target/confdsl.jar").toString())
                    .replace("{root}", root.toString());
            v.put(parts[0].trim(), Arrays.asList(cmd.split("\\s+")));
        }
        return v;
    }

    private void prepare(Path root) throws IOException {
        copyTree(root.resolve("dsl-examples/quickstart"), work.resolve("qs"));
        Files.createDirectories(work.resolve("et"));
        Files.writeString(work.resolve("et/cloud.tmpl"), "upstream ${getv('/subdomain')} {\n<% getvs('/upstream/*').each { %>    server ${it};\n<% } %>}\n");
        Files.writeString(work.resolve("et/et.groovy"), "store etcd('" + endpoint + "')\n"
                + "resource('cloud') {\n    prefix '/cloud'\n    keys '/subdomain', '/upstream'\n    template 'cloud.tmpl'\n"
                + "    dest 'out/cloud.conf'\n    mkdirs true\n}\n");
    }

    private void run(Map<String, List<String>> variants, int rounds) throws Exception {
        Map<String, Map<String, List<long[]>>> samples = new LinkedHashMap<>();
        variants.keySet().forEach(k -> samples.put(k, new LinkedHashMap<>()));
        // one warm-up round: builds class caches and archives, fills the page cache
        for (int round = 0; round <= rounds; round++) {
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                Map<String, List<long[]>> s = samples.get(v.getKey());
                record(s, round, "--version", timed(v.getValue(), List.of("--version")));
                clean();
                record(s, round, "run --once, file store", timed(v.getValue(), List.of("run", work.resolve("qs/quickstart.groovy").toString(),
                        "--once", "--state-dir", work.resolve("state").toString())));
                clean();
                record(s, round, "run --once, etcd, 2 keys", timed(v.getValue(), List.of("run", work.resolve("et/et.groovy").toString(),
                        "--once", "--state-dir", work.resolve("state").toString())));
                clean();
                record(s, round, "watch daemon: start -> first render", firstRender(v.getValue()));
                clean();
            }
        }
        System.out.printf("%-38s %-38s %10s %10s %10s %18s   (median of %d cold processes; CPU = user + system)%n", "variant", "what",
                "wall", "CPU", "peak RSS", "target", rounds);
        samples.forEach((variant, byWhat) -> byWhat.forEach((what, list) -> {
            long[] walls = list.stream().mapToLong(x -> x[0]).sorted().toArray();
            long[] rss = list.stream().mapToLong(x -> x[1]).filter(x -> x > 0).sorted().toArray();
            long[] cpu = list.stream().mapToLong(x -> x[2]).filter(x -> x > 0).sorted().toArray();
            System.out.printf("%-38s %-38s %7.0f ms %7s %7s %18s%n", variant, what, median(walls) / 1e6,
                    cpu.length == 0 ? "-" : median(cpu) + " ms", rss.length == 0 ? "-" : (median(rss) / 1024) + " MB",
                    TARGETS.getOrDefault(what, ""));
        }));
    }

    /** Issue 12's targets (a quiet machine, median of 10 cold processes). */
    private static final Map<String, String> TARGETS = Map.of(
            "run --once, file store", "<= 250 ms, 80 MB",
            "run --once, etcd, 2 keys", "<= 350 ms, 80 MB",
            "watch daemon: start -> first render", "<= 500 ms");

    private static void record(Map<String, List<long[]>> s, int round, String what, long[] sample) {
        if (round > 0) {
            s.computeIfAbsent(what, k -> new ArrayList<>()).add(sample);
        }
    }

    /** {wall nanos, peak RSS KiB, CPU millis (user + system)} of one process. */
    private long[] timed(List<String> command, List<String> args) throws Exception {
        Path rssFile = work.resolve("rss");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rssFile.toString()));
        cmd.addAll(command);
        cmd.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("stderr.log").toFile())).start();
        if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " took longer than " + LIMIT);
        }
        long wall = System.nanoTime() - t0;
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + "; see " + work.resolve("stderr.log")
                    + ":\n" + Files.readString(work.resolve("stderr.log")));
        }
        // the last line: /usr/bin/time puts "Command exited with non-zero status" lines before it
        String[] lines = Files.readString(rssFile).strip().split("\n");
        String[] f = lines[lines.length - 1].trim().split("\\s+");
        long cpuMillis = Math.round((Double.parseDouble(f[1]) + Double.parseDouble(f[2])) * 1000);
        return new long[] {wall, Long.parseLong(f[0]), cpuMillis};
    }

    /** {nanos from process start until the destination exists, 0, 0}. */
    private long[] firstRender(List<String> command) throws Exception {
        Path dest = work.resolve("et/out/cloud.conf");
        Files.createDirectories(dest.getParent());
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("run", work.resolve("et/et.groovy").toString(), "--watch", "--sync-only", "--state-dir",
                work.resolve("state").toString()));
        try (FileAwaiter file = new FileAwaiter(dest)) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("stderr.log").toFile())).start();
            try {
                long seen = file.await("upstream cloud", LIMIT);
                return new long[] {seen - t0, 0, 0};
            } finally {
                p.toHandle().descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private void clean() throws IOException {
        WatchBenchFiles.deleteTree(work.resolve("qs/out"));
        WatchBenchFiles.deleteTree(work.resolve("et/out"));
        WatchBenchFiles.deleteTree(work.resolve("state"));
    }

    private static long median(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
