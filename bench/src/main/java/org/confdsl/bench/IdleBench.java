package org.confdsl.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.etcd.jetcd.Client;
import org.confdsl.testkit.EtcdProcess;

/**
 * Goal 4, idle CPU: a watch daemon (5 keys) against a real etcd, at rest after its first render
 * and 20 changes; CPU time over the rest period from /proc, in ms per second, and its threads.
 * Once with {@code --sync-only} (no status entry), once as a real daemon that publishes its
 * status on a lease (renewed every third of its 10 s TTL).
 *
 * <pre>src/bench/idle-cpu.sh [seconds]</pre>
 */
public final class IdleBench {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path launcher = Path.of(System.getProperty("confdsl.launcher", "confdsl")).toAbsolutePath();
        Path work = Files.createTempDirectory("confdsl-idle-");
        Path shm = Path.of("/dev/shm");
        Path etcdParent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        try (EtcdProcess etcd = EtcdProcess.start(List.of(), etcdParent);
                Client client = Client.builder().endpoints(etcd.clientUrl()).build()) {
            DaemonSetup setup = new DaemonSetup(work, client.getKVClient(), etcd.clientUrl());
            Path script = setup.small();
            Daemon.warmClassCache(launcher, script, work.resolve("check.log"));
            measure("--sync-only (no status entry)", setup, seconds, List.of(launcher.toString(), "run", script.toString(),
                    "--watch", "--sync-only", "--state-dir", work.resolve("state-1").toString()), work.resolve("d1.log"));
            WatchBenchFiles.deleteTree(work.resolve("out"));
            measure("publishing its status (lease)", setup, seconds, List.of(launcher.toString(), "run", script.toString(),
                    "--watch", "--state-dir", work.resolve("state-2").toString()), work.resolve("d2.log"));
        } finally {
            WatchBenchFiles.deleteTree(work);
        }
    }

    private static void measure(String what, DaemonSetup setup, int seconds, List<String> command, Path log) throws Exception {
        try (Daemon daemon = Daemon.start(command, log, Map.of()); FileAwaiter file = setup.awaiter("small")) {
            file.await("e=v0", Duration.ofSeconds(120));
            for (int i = 1; i <= 20; i++) {
                setup.put("/small/a", "i" + i);
                file.await("a=i" + i + "\n", Duration.ofSeconds(20));
            }
            TimeUnit.SECONDS.sleep(5); // let the JIT and the first collections settle
            long cpu0 = daemon.cpuMillis();
            java.util.SortedMap<String, Long> threads0 = daemon.cpuByThread();
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            long cpu1 = daemon.cpuMillis();
            java.util.SortedMap<String, Long> kinds = Daemon.perKind(threads0, daemon.cpuByThread());
            double elapsed = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%-34s idle CPU %.2f ms/s (%d ms over %.0f s), RSS %d MB, %d threads%n", what,
                    (cpu1 - cpu0) / elapsed, cpu1 - cpu0, elapsed, daemon.rssKib() / 1024, daemon.threads());
            StringBuilder split = new StringBuilder();
            long sum = 0;
            for (var k : kinds.entrySet()) {
                long d = k.getValue();
                sum += d;
                split.append(split.isEmpty() ? "" : ", ").append(k.getKey()).append(' ').append(String.format("%.2f", d / 1000.0 / elapsed));
            }
            System.out.printf("   exact, by kind of thread (ms/s): %s; sum %.2f%n", split, sum / 1000.0 / elapsed);
            System.out.println("   threads: " + daemon.threadNames());
        }
    }
}
