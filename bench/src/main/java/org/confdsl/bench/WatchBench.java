package org.confdsl.bench;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.confdsl.testkit.EtcdProcess;

/**
 * The watch daemon against a real etcd on loopback, measured from outside: the real program
 * ({@code ./confdsl run --watch --sync-only}) in its own process, keys written with jetcd, the
 * destination observed through inotify. Every loop is bounded in count and time.
 *
 * <pre>src/bench/etcd-watch.sh [changes]</pre>
 */
public final class WatchBench {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** A pause between lone changes, so that each one meets an idle daemon. */
    private static final long SPACING_MS = 20;
    private static final int BURST = 200;
    private static final int WARM_UP = 500;

    private final Path launcher;
    private final Path work;
    private final KV kv;
    private final String endpoint;

    private WatchBench(Path launcher, Path work, KV kv, String endpoint) {
        this.launcher = launcher;
        this.work = work;
        this.kv = kv;
        this.endpoint = endpoint;
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path launcher = Path.of(System.getProperty("confdsl.launcher", "confdsl")).toAbsolutePath();
        Path work = Files.createTempDirectory("confdsl-bench-");
        Path shm = Path.of("/dev/shm");
        Path etcdParent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        try (EtcdProcess etcd = EtcdProcess.start(List.of("--quota-backend-bytes", "1073741824"), etcdParent);
                Client client = Client.builder().endpoints(etcd.clientUrl()).build()) {
            WatchBench bench = new WatchBench(launcher, work, client.getKVClient(), etcd.clientUrl());
            report("etcd data directory", etcdParent.toString());
            bench.etcdPutLatency(changes);
            bench.small(changes);
            bench.big(changes, 10_000);
        } finally {
            deleteTree(work);
        }
    }

    /** etcd's own put latency, for scale: it is part of every put -> written figure below. */
    private void etcdPutLatency(int changes) throws Exception {
        long[] samples = new long[changes];
        for (int i = 0; i < changes; i++) {
            long t0 = System.nanoTime();
            put("/warmup/k", "v" + i);
            samples[i] = System.nanoTime() - t0;
        }
        report("0. etcd put round trip (jetcd, loopback)", new Stats(samples).toString().replace("changes", "puts"));
    }

    /** Five keys: latency and CPU of lone changes, bursts, and the daemon's memory. */
    private void small(int changes) throws Exception {
        String[] keys = {"a", "b", "c", "d", "e"};
        StringBuilder template = new StringBuilder();
        for (String k : keys) {
            put("/small/" + k, "v0");
            template.append(k).append("=${getv('/").append(k).append("')}\n");
        }
        Path script = script("small", template.toString());
        Path dest = work.resolve("out/small.conf");
        try (Daemon daemon = Daemon.start(launcher, script, work.resolve("state-small"), work.resolve("small.log"));
                FileAwaiter file = awaiter(dest)) {
            file.await("e=v0", Duration.ofSeconds(60));
            long rssStart = daemon.rssKib();

            long cpu0 = daemon.cpuMillis();
            java.util.SortedMap<String, Long> threads0 = daemon.cpuByThread();
            latency("1. put sent -> destination written, 5 keys, --sync-only", changes, file,
                    i -> "/small/" + keys[i % keys.length], i -> "v" + i);
            long cpu1 = daemon.cpuMillis();
            java.util.SortedMap<String, Long> kinds = Daemon.perKind(threads0, daemon.cpuByThread());
            report("   daemon CPU per change", String.format("%.2f ms (%d ms over %d changes, idle time between them included)",
                    (cpu1 - cpu0) / (double) changes, cpu1 - cpu0, changes));
            StringBuilder split = new StringBuilder();
            kinds.forEach((kind, micros) -> split.append(split.isEmpty() ? "" : ", ").append(kind).append(' ')
                    .append(String.format("%.2f", micros / 1000.0 / changes)));
            report("   the same per kind of thread (ms per change)", split.toString());

            int before = daemon.updates();
            long lastAck = 0;
            for (int i = 1; i <= BURST; i++) {
                put("/small/a", "burst" + i);
                lastAck = System.nanoTime();
            }
            long settled = file.await("a=burst" + BURST + "\n", WAIT);
            TimeUnit.MILLISECONDS.sleep(500); // count any late render too
            report("3. " + BURST + " puts one after the other (each acknowledged)", String.format(
                    "%d renders, final state on disk %.1f ms after the last put was acknowledged",
                    daemon.updates() - before, Math.max(0, settled - lastAck) / 1e6));

            before = daemon.updates();
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            for (int i = 1; i <= BURST; i++) {
                inFlight.add(kv.put(bytes("/small/b"), bytes("pipelined" + i)));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            long allAcked = System.nanoTime();
            // Puts in flight together may be applied in any order: the final state is etcd's.
            String last = kv.get(bytes("/small/b")).get(10, TimeUnit.SECONDS).getKvs().get(0).getValue().toString(StandardCharsets.UTF_8);
            settled = file.await("b=" + last + "\n", WAIT);
            TimeUnit.MILLISECONDS.sleep(500);
            report("   " + BURST + " puts sent at once (pipelined)", String.format(
                    "%d renders, final state on disk %.1f ms after the last put was acknowledged",
                    daemon.updates() - before, Math.max(0, settled - allAcked) / 1e6));

            for (int i = 1; i <= 1000; i++) {
                put(i % 2 == 0 ? "/small/a" : "/small/b", "rss" + i);
            }
            file.await("a=rss1000\n", WAIT);
            report("4. watch daemon RSS, 5 keys", String.format("%d MB at start, %d MB after 1,000 more changes; %d threads",
                    rssStart / 1024, daemon.rssKib() / 1024, daemon.threads()));
        }
    }

    /** A 10,000-key prefix rendered in full on every change. */
    private void big(int changes, int keys) throws Exception {
        List<Op> batch = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            batch.add(Op.put(bytes(String.format("/big/items/%05d", i)), bytes("127.0.0.1:" + (10000 + i)), PutOption.DEFAULT));
            if (batch.size() == 100) {
                kv.txn().Then(batch.toArray(new Op[0])).commit().get(10, TimeUnit.SECONDS);
                batch.clear();
            }
        }
        put("/big/marker", "m0");
        Path script = script("big", "marker=${getv('/marker')}\n<% getvs('/items/*').each { %>server ${it};\n<% } %>");
        Path dest = work.resolve("out/big.conf");
        try (Daemon daemon = Daemon.start(launcher, script, work.resolve("state-big"), work.resolve("big.log"));
                FileAwaiter file = awaiter(dest)) {
            file.await("marker=m0\n", Duration.ofSeconds(60));
            latency("2. put sent -> destination written, 10,000-key prefix", changes, file,
                    i -> "/big/marker", i -> "m" + i);
            report("   daemon RSS with 10,000 keys", daemon.rssKib() / 1024 + " MB, " + daemon.threads() + " threads");
        }
    }

    /**
     * {@code changes} lone changes (a short pause between them): put change i, wait until the file
     * holds its marker; reports the time from sending the put and from its acknowledgement.
     */
    private void latency(String what, int changes, FileAwaiter file, IntFunction<String> key, IntFunction<String> value)
            throws Exception {
        // Warm-up, not measured: the JIT compiles the change path first, as in a daemon that ran a while.
        for (int i = 1; i <= WARM_UP; i++) {
            put(key.apply(i), "warm" + i);
            file.await("=warm" + i + "\n", WAIT);
        }
        long[] sent = new long[changes];
        long[] acknowledged = new long[changes];
        for (int i = 1; i <= changes; i++) {
            long t0 = System.nanoTime();
            put(key.apply(i), value.apply(i));
            long acked = System.nanoTime();
            long written = file.await("=" + value.apply(i) + "\n", WAIT);
            sent[i - 1] = written - t0;
            acknowledged[i - 1] = Math.max(0, written - acked);
            TimeUnit.MILLISECONDS.sleep(SPACING_MS);
        }
        report(what, new Stats(sent).toString());
        report("   put acknowledged -> destination written", new Stats(acknowledged).toString());
    }

    private Path script(String name, String template) throws IOException {
        return new DaemonSetup(work, kv, endpoint).script(name, template);
    }

    private FileAwaiter awaiter(Path dest) throws IOException {
        Files.createDirectories(dest.getParent());
        return new FileAwaiter(dest);
    }

    private void put(String key, String value) throws Exception {
        kv.put(bytes(key), bytes(value)).get(10, TimeUnit.SECONDS);
    }

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    private static void report(String what, String figures) {
        System.out.printf("%-62s %s%n", what, figures);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
