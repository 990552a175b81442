package org.confdsl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import org.confdsl.testkit.EtcdProcess;

/**
 * Goal 5, scale up: one watch daemon (the real program) with {@code sites} resources (a big
 * shared nginx: one file per site, one directory) over {@code keys} keys in a real etcd on tmpfs.
 * Figures: first pass; one change -> that site's file (p50, p99) and how many other files were
 * touched; one transaction changing every site -> all files rewritten; {@code run --once} and
 * {@code check} of the script as separate processes; the daemon's RSS.
 *
 * <pre>src/bench/scale.sh [sites] [keys] [changes]</pre>
 */
public final class ScaleBench {

    private static final Duration WAIT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 70_000;
        int changes = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path launcher = Path.of(System.getProperty("confdsl.launcher", "confdsl")).toAbsolutePath();
        Path work = Files.createTempDirectory("confdsl-scale-");
        Path shm = Path.of("/dev/shm");
        Path etcdParent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        try (EtcdProcess etcd = EtcdProcess.start(List.of("--quota-backend-bytes", "4294967296", "--max-request-bytes", "10485760", "--max-txn-ops", "2000"),
                etcdParent);
                Client client = Client.builder().endpoints(etcd.clientUrl()).maxInboundMessageSize(256 * 1024 * 1024).build()) {
            KV kv = client.getKVClient();
            int perSite = Math.max(1, keys / sites - 1);
            long t0 = System.nanoTime();
            List<Op> batch = new ArrayList<>();
            for (int s = 0; s < sites; s++) {
                batch.add(put(site(s) + "/marker", "m0"));
                for (int k = 0; k < perSite; k++) {
                    batch.add(put(String.format("%s/upstream/%03d", site(s), k), "10.0." + (s % 250) + "." + k + ":8080"));
                    if (batch.size() >= 500) {
                        kv.txn().Then(batch.toArray(new Op[0])).commit().get(30, TimeUnit.SECONDS);
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                kv.txn().Then(batch.toArray(new Op[0])).commit().get(30, TimeUnit.SECONDS);
            }
            report("keys written", String.format("%d sites x %d keys = %d keys in %.1f s", sites, perSite + 1, sites * (perSite + 1),
                    (System.nanoTime() - t0) / 1e9));

            Files.writeString(work.resolve("site.tmpl"), "# marker ${getv('/marker')}\nupstream site {\n"
                    + "<% getvs('/upstream/*').each { %>    server ${it};\n<% } %>}\n");
            Path script = work.resolve("sites.groovy");
            Files.writeString(script, "store etcd('" + etcd.clientUrl() + "')\n"
                    + "(0..<" + sites + ").each { int i ->\n"
                    + "    String name = String.format('s%04d', i)\n"
                    + "    resource(name) {\n"
                    + "        prefix \"/sites/${name}\"\n"
                    + "        template 'site.tmpl'\n"
                    + "        dest \"out/${name}.conf\"\n"
                    + "        mkdirs true\n"
                    + "    }\n"
                    + "}\n");
            Path out = work.resolve("out");
            Files.createDirectories(out);

            long checkWall = wall(List.of(launcher.toString(), "check", script.toString()), work);
            report("check (a separate process)", String.format("%.2f s", checkWall / 1e9));

            long started = System.nanoTime();
            // SCALE_DAEMON_JAVA_OPTS replaces the launcher's daemon flags (e.g. to log the GC or try a heap size).
            String daemonOpts = System.getenv("SCALE_DAEMON_JAVA_OPTS");
            Map<String, String> env = daemonOpts == null ? Map.of() : Map.of("JAVA_OPTS", daemonOpts);
            try (Daemon daemon = Daemon.start(launcher, script, work.resolve("state"), work.resolve("daemon.log"), env);
                    FileAwaiter last = new FileAwaiter(out.resolve(String.format("s%04d.conf", sites - 1)))) {
                last.await("# marker m0", Duration.ofMinutes(5));
                awaitAll(out, sites, "# marker m0", Duration.ofMinutes(5));
                report("daemon start -> all files written", String.format("%.2f s", (System.nanoTime() - started) / 1e9));

                Random random = new Random(7);
                long[] samples = new long[changes];
                int touchedElsewhere = 0;
                for (int i = 0; i < changes; i++) {
                    int s = random.nextInt(sites);
                    Path file = out.resolve(String.format("s%04d.conf", s));
                    Map<Path, FileTime> before = i < 5 ? mtimes(out) : Map.of();
                    try (FileAwaiter f = new FileAwaiter(file)) {
                        long p0 = System.nanoTime();
                        kv.put(DaemonSetup.bytes(site(s) + "/marker"), DaemonSetup.bytes("c" + i)).get(10, TimeUnit.SECONDS);
                        samples[i] = f.await("# marker c" + i + "\n", WAIT) - p0;
                    }
                    if (i < 5) {
                        TimeUnit.MILLISECONDS.sleep(200);
                        Map<Path, FileTime> after = mtimes(out);
                        for (Map.Entry<Path, FileTime> e : after.entrySet()) {
                            if (!e.getKey().equals(file) && !e.getValue().equals(before.get(e.getKey()))) {
                                touchedElsewhere++;
                            }
                        }
                    }
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                report("one change -> its site's file", new Stats(samples).toString());
                report("   other files touched (first 5 changes)", Integer.toString(touchedElsewhere));

                List<Op> all = new ArrayList<>();
                for (int s = 0; s < sites; s++) {
                    all.add(put(site(s) + "/marker", "all"));
                }
                long a0 = System.nanoTime();
                kv.txn().Then(all.toArray(new Op[0])).commit().get(30, TimeUnit.SECONDS);
                awaitAll(out, sites, "# marker all\n", Duration.ofMinutes(5));
                report("one txn changing all sites -> all files", String.format("%.2f s", (System.nanoTime() - a0) / 1e9));
                report("daemon RSS", String.format("%d MB, %d threads", daemon.rssKib() / 1024, daemon.threads()));
            }
            long onceWall = wall(List.of(launcher.toString(), "run", script.toString(), "--once", "--state-dir",
                    work.resolve("state").toString()), work);
            report("run --once, all in sync (full pass, own process)", String.format("%.2f s", onceWall / 1e9));
        } finally {
            WatchBenchFiles.deleteTree(work);
        }
    }

    private static String site(int s) {
        return String.format("/sites/s%04d", s);
    }

    private static Op put(String key, String value) {
        return Op.put(DaemonSetup.bytes(key), DaemonSetup.bytes(value), PutOption.DEFAULT);
    }

    private static Map<Path, FileTime> mtimes(Path dir) throws IOException {
        Map<Path, FileTime> m = new HashMap<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().endsWith(".conf")) {
                    m.put(p, Files.getLastModifiedTime(p));
                }
            }
        }
        return m;
    }

    /** Waits (inotify on the directory, bounded) until {@code count} .conf files hold {@code text}. */
    private static void awaitAll(Path dir, int count, String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Path> done = new HashSet<>();
        try (WatchService ws = FileSystems.getDefault().newWatchService()) {
            dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    check(p, text, done);
                }
            }
            while (done.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(done.size() + " of " + count + " files hold '" + text.strip() + "' after " + timeout);
                }
                WatchKey key = ws.poll(left, TimeUnit.NANOSECONDS);
                if (key == null) {
                    continue;
                }
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.context() instanceof Path p) {
                        check(dir.resolve(p), text, done);
                    } else {
                        try (var files = Files.list(dir)) {
                            for (Path p : files.toList()) {
                                check(p, text, done);
                            }
                        }
                    }
                }
                key.reset();
            }
        }
    }

    private static void check(Path p, String text, Set<Path> done) {
        if (!p.getFileName().toString().endsWith(".conf") || done.contains(p)) {
            return;
        }
        try {
            if (Files.readString(p, StandardCharsets.UTF_8).startsWith(text)) {
                done.add(p);
            }
        } catch (IOException gone) {
            // renamed away meanwhile: the next event brings it back
        }
    }

    private static long wall(List<String> command, Path work) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("commands.log").toFile())).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " took longer than 5 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command + " exited " + p.exitValue() + ": " + Files.readString(work.resolve("commands.log")));
        }
        return System.nanoTime() - t0;
    }

    private static void report(String what, String figures) {
        System.out.printf("%-50s %s%n", what, figures);
    }
}
