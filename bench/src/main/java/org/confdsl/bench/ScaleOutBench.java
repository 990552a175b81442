package org.confdsl.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.confdsl.model.StoreModel;
import org.confdsl.run.AppliedAwaiter;
import org.confdsl.run.StatusEntry;
import org.confdsl.store.EtcdStore;
import org.confdsl.store.StoreException;
import org.confdsl.store.Watch;
import org.confdsl.store.WatchEvent;
import org.confdsl.store.WatchListener;
import org.confdsl.testkit.EtcdProcess;

/**
 * Goal 5, scale out: {@code daemons} watch daemons against one etcd (on tmpfs), simulated
 * {@code perJvm} to a JVM ({@link FleetJvm}: each its own etcd client, watch, engine, status
 * lease); 200 whole JVMs of ~120 MB each do not fit beside the other work of this machine.
 * For each of {@code changes} puts of the one key they all render: put acknowledged -> each
 * daemon's status entry showing it applied (seen through a watch, as an operator's tool sees it),
 * the time to the last daemon, and when {@code AppliedAwaiter.await} over all of them returned
 * compared with the last report. Also the fleet's RSS and idle CPU per daemon.
 *
 * <pre>src/bench/scale-out.sh [daemons] [perJvm] [changes]   (default 200 50 20)</pre>
 */
public final class ScaleOutBench {

    public static void main(String[] args) throws Exception {
        int daemons = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int perJvm = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int changes = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path work = Files.createTempDirectory("confdsl-scale-out-");
        Path shm = Path.of("/dev/shm");
        Path etcdParent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        List<Daemon> jvms = new ArrayList<>();
        try (EtcdProcess etcd = EtcdProcess.start(List.of(), etcdParent);
                EtcdStore store = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())))) {
            Files.writeString(work.resolve("app.tmpl"), "value = ${getv('/value')}\n");
            long initial = store.put("/app/value", "v0");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long t0 = System.nanoTime();
            for (int first = 0; first < daemons; first += perJvm) {
                int count = Math.min(perJvm, daemons - first);
                jvms.add(Daemon.start(List.of(java, "-XX:+UseSerialGC", "-Xss512k", "-XX:-UsePerfData", "-Xmx256m",
                        "-Dio.netty.allocator.type=unpooled", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp", System.getProperty("java.class.path"), FleetJvm.class.getName(), etcd.clientUrl(),
                        work.toString(), Integer.toString(first), Integer.toString(count)), work.resolve("fleet.log"), Map.of()));
            }
            AppliedAwaiter awaiter = new AppliedAwaiter(store);
            awaitHosts(store, daemons, Duration.ofMinutes(5));
            awaiter.await("app", initial, Duration.ofMinutes(5));
            report("fleet", String.format("%d daemons in %d JVMs (%d per JVM), all applied the first value %.1f s after start",
                    daemons, jvms.size(), perJvm, (System.nanoTime() - t0) / 1e9));

            Reports reports = new Reports();
            long[] perDaemon = new long[daemons * changes];
            long[] everywhere = new long[changes];
            long[] awaitAfterLast = new long[changes];
            int n = 0;
            Watch watch = store.watch(List.of(StatusEntry.PREFIX), store.put("/bench/mark", "0"), reports);
            try {
                for (int c = 1; c <= changes; c++) {
                    long sent = System.nanoTime();
                    long revision = store.put("/app/value", "v" + c);
                    reports.expect(revision, sent);
                    awaiter.await("app", revision, Duration.ofSeconds(60));
                    long awaited = System.nanoTime();
                    Map<String, Long> seen = reports.awaitAll(daemons, Duration.ofSeconds(60));
                    long last = 0;
                    for (long at : seen.values()) {
                        perDaemon[n++] = at - sent;
                        last = Math.max(last, at);
                    }
                    everywhere[c - 1] = last - sent;
                    awaitAfterLast[c - 1] = Math.max(0, awaited - last);
                    TimeUnit.MILLISECONDS.sleep(200);
                }
            } finally {
                watch.close();
            }
            report("put -> a daemon's status shows it applied", new Stats(perDaemon).toString().replace("changes", "reports"));
            report("put -> applied everywhere (the last daemon)", new Stats(everywhere).toString());
            report("awaitApplied returned after the last report", new Stats(awaitAfterLast).toString());

            long cpu0 = jvms.stream().mapToLong(Daemon::cpuMillis).sum();
            TimeUnit.SECONDS.sleep(30);
            long cpu1 = jvms.stream().mapToLong(Daemon::cpuMillis).sum();
            long rss = jvms.stream().mapToLong(Daemon::rssKib).sum() / 1024;
            int threads = jvms.stream().mapToInt(Daemon::threads).sum();
            report("fleet RSS", String.format("%d MB in all, %.1f MB per daemon; %d threads", rss, (double) rss / daemons, threads));
            report("idle CPU per daemon (30 s, status heartbeats)", String.format("%.2f ms/s", (cpu1 - cpu0) / 30.0 / daemons));
        } finally {
            jvms.forEach(Daemon::close);
            WatchBenchFiles.deleteTree(work);
        }
    }

    /** Waits until {@code count} hosts have published a status entry (all daemons are up). */
    private static void awaitHosts(EtcdStore store, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (store.snapshot(List.of(StatusEntry.PREFIX)).entries().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + store.snapshot(List.of(StatusEntry.PREFIX)).entries().size()
                        + " of " + count + " daemons reported within " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** When each host's status first showed the expected revision applied. */
    private static final class Reports implements WatchListener {

        private final Map<String, Long> seen = new ConcurrentHashMap<>();
        private volatile long revision = Long.MAX_VALUE;

        synchronized void expect(long wanted, long sentNanos) {
            seen.clear();
            revision = wanted;
        }

        Map<String, Long> awaitAll(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (this) {
                while (seen.size() < count) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException(seen.size() + " of " + count + " daemons reported revision " + revision);
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                return Map.copyOf(seen);
            }
        }

        @Override
        public void onEvents(List<WatchEvent> events) {
            long now = System.nanoTime();
            synchronized (this) {
                for (WatchEvent e : events) {
                    if (e.value().isEmpty()) {
                        continue;
                    }
                    Optional<StatusEntry> entry = StatusEntry.parse(e.key(), e.value().get());
                    if (entry.isPresent() && "app".equals(entry.get().resource()) && entry.get().hasApplied(revision)) {
                        seen.putIfAbsent(entry.get().host(), now);
                    }
                }
                notifyAll();
            }
        }

        @Override
        public void onResync(StoreException cause) {
            System.err.println("status watch lost: " + cause.getMessage());
        }
    }

    private static void report(String what, String figure) {
        System.out.printf("%-50s %s%n", what, figure);
    }
}
