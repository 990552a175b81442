package org.confdsl.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.etcd.jetcd.Client;
import org.confdsl.testkit.EtcdProcess;

/**
 * Goal 3, memory of the watch daemon (the real program against a real etcd on tmpfs):
 * <ul>
 * <li>{@code levers}: the daemon's RSS and threads with 5 keys and with 10,000 keys, after 150
 * changes and 5 s of rest, for each JVM setting tried (JAVA_OPTS replaces the launcher's daemon
 * flags; a flag that changes the object layout also makes the JVM ignore the AOT cache);</li>
 * <li>{@code soak MINUTES}: one daemon with 5 keys under 10 changes/s, RSS printed every minute.</li>
 * </ul>
 * <pre>src/bench/memory.sh levers | soak [minutes]</pre>
 */
public final class MemoryBench {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String JDK17 = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "levers";
        Path launcher = Path.of(System.getProperty("confdsl.launcher", "confdsl")).toAbsolutePath();
        Path work = Files.createTempDirectory("confdsl-memory-");
        Path shm = Path.of("/dev/shm");
        Path etcdParent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        try (EtcdProcess etcd = EtcdProcess.start(List.of("--quota-backend-bytes", "1073741824"), etcdParent);
                Client client = Client.builder().endpoints(etcd.clientUrl()).build()) {
            DaemonSetup setup = new DaemonSetup(work, client.getKVClient(), etcd.clientUrl());
            if (mode.equals("soak")) {
                soak(launcher, work, setup, args.length > 1 ? Integer.parseInt(args[1]) : 30);
            } else {
                levers(launcher, work, setup);
            }
        } finally {
            WatchBenchFiles.deleteTree(work);
        }
    }

    /**
     * The levers measured for issue 12 goal 3, each a full JAVA_OPTS (it replaces the daemon= line);
     * a value starting with {@code jdk17:} runs the launcher on JDK 17 (its CDS archive) instead.
     */
    private static Map<String, String> variants() {
        Map<String, String> v = new LinkedHashMap<>();
        String before = "-Xms8m -Xmx128m -XX:ReservedCodeCacheSize=32m -Xss512k -XX:-UsePerfData -Dio.netty.allocator.type=unpooled";
        String trim = before + " -XX:TrimNativeHeapInterval=10000";
        v.put("launcher defaults (src/dist/jvm-options daemon=)", "");
        v.put("before: -Xms8m -Xmx128m, Netty unpooled", before);
        v.put("+ native heap trimmed every 10 s", trim);
        v.put("+ trim + C1 only", trim + " -XX:TieredStopAtLevel=1");
        v.put("+ trim + heap free ratio 10-20%", trim + " -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20");
        v.put("+ trim + AOT cache not mapped", trim + " -XX:AOTMode=off");
        v.put("+ trim + compact headers (cache dropped)", trim + " -XX:+UseCompactObjectHeaders");
        v.put("+ trim, JDK 17 + CDS archive", "jdk17:" + trim);
        return v;
    }

    private static void levers(Path launcher, Path work, DaemonSetup setup) throws Exception {
        Path small = setup.small();
        Path big = setup.big(10_000);
        System.out.printf("%-50s %16s %16s%n", "JVM setting (JAVA_OPTS)", "RSS 5 keys", "RSS 10,000 keys");
        int run = 0;
        for (Map.Entry<String, String> v : variants().entrySet()) {
            Map<String, String> env = env(v.getValue());
            String a = measureOrSay(launcher, work, setup, small, "small", "a", env, ++run);
            String b = measureOrSay(launcher, work, setup, big, "big", "marker", env, ++run);
            System.out.printf("%-50s %16s %16s%n", v.getKey(), a, b);
        }
    }

    private static Map<String, String> env(String variant) {
        if (variant.isEmpty()) {
            return Map.of();
        }
        if (variant.startsWith("jdk17:")) {
            return Map.of("JAVA_OPTS", variant.substring("jdk17:".length()), "CONFDSL_JAVA", JDK17);
        }
        return Map.of("JAVA_OPTS", variant);
    }

    /** The figure, or why there is none (the daemon's log is printed), so one variant cannot end the run. */
    private static String measureOrSay(Path launcher, Path work, DaemonSetup setup, Path script, String name, String key,
            Map<String, String> env, int run) throws Exception {
        try {
            return measure(launcher, work, setup, script, name, key, env, run);
        } catch (IllegalStateException e) {
            Path log = work.resolve("daemon-" + run + ".log");
            System.out.println("   (" + name + ", run " + run + ": " + e.getMessage().strip() + "; daemon log:)\n"
                    + (Files.exists(log) ? Files.readString(log) : "(none)"));
            return "failed";
        }
    }

    private static String measure(Path launcher, Path work, DaemonSetup setup, Path script, String name, String key,
            Map<String, String> env, int run) throws Exception {
        WatchBenchFiles.deleteTree(work.resolve("out"));
        setup.put("/" + name + "/" + key, "start" + run); // a value no earlier run left behind
        try (Daemon daemon = Daemon.start(launcher, script, work.resolve("state-" + run), work.resolve("daemon-" + run + ".log"), env);
                FileAwaiter file = setup.awaiter(name)) {
            file.await(key + "=start" + run + "\n", Duration.ofSeconds(120));
            for (int i = 1; i <= 150; i++) {
                setup.put("/" + name + "/" + key, "x" + run + "-" + i);
                file.await(key + "=x" + run + "-" + i + "\n", WAIT);
            }
            TimeUnit.SECONDS.sleep(5);
            return String.format("%d MB, %d thr", daemon.rssKib() / 1024, daemon.threads());
        }
    }

    private static void soak(Path launcher, Path work, DaemonSetup setup, int minutes) throws Exception {
        Path small = setup.small();
        try (Daemon daemon = Daemon.start(launcher, small, work.resolve("state-soak"), work.resolve("soak.log"));
                FileAwaiter file = setup.awaiter("small")) {
            file.await("e=v0", Duration.ofSeconds(120));
            System.out.printf("minute 0: RSS %d MB, %d threads%n", daemon.rssKib() / 1024, daemon.threads());
            long start = System.nanoTime();
            int i = 0;
            for (int minute = 1; minute <= minutes; minute++) {
                long minuteEnd = start + TimeUnit.MINUTES.toNanos(minute);
                while (System.nanoTime() < minuteEnd) {
                    long next = start + TimeUnit.MILLISECONDS.toNanos(100L * ++i);
                    setup.put("/small/" + (char) ('a' + i % 5), "s" + i);
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        TimeUnit.NANOSECONDS.sleep(sleep);
                    }
                }
                System.out.printf("minute %d: RSS %d MB, %d threads, %d changes so far, CPU %.1f s%n", minute,
                        daemon.rssKib() / 1024, daemon.threads(), i, daemon.cpuMillis() / 1000.0);
            }
            String last = "/small/" + (char) ('a' + i % 5);
            file.await((char) ('a' + i % 5) + "=s" + i + "\n", WAIT);
            System.out.printf("final state on disk (%s=s%d)%n", last, i);
        }
    }
}
