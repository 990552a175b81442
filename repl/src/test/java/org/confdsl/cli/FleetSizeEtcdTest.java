package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.confdsl.model.StoreModel;
import org.confdsl.run.AppliedAwaiter;
import org.confdsl.run.HostRecord;
import org.confdsl.run.NotAppliedException;
import org.confdsl.run.StatusEntry;
import org.confdsl.store.EtcdStore;
import org.confdsl.store.Stores;
import org.confdsl.sync.Outcome;
import org.confdsl.testkit.EtcdProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A fleet of 1,000 hosts in a real etcd (synthetic registrations and status entries, each with a
 * heartbeat): {@code confdsl status}, {@code confdsl hosts} and a wait for "applied" stay fast, and a
 * timeout names the first ten laggards instead of all of them. Timings go to
 * target/fleet-figures.txt (figures, not assertions: the machine is shared).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetSizeEtcdTest {

    static final int HOSTS = 1000;

    EtcdProcess etcd;
    EtcdStore store;
    final StringBuilder figures = new StringBuilder();

    @BeforeAll
    void start() {
        etcd = EtcdProcess.start();
        store = (EtcdStore) Stores.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
        store.put("/cloud/upstream/a", "127.0.0.1:9001");
    }

    @AfterAll
    void stop() throws Exception {
        Path out = Path.of("target", "fleet-figures.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures.toString());
        System.out.println(figures);
        if (store != null) {
            store.close();
        }
        if (etcd != null) {
            etcd.close();
        }
    }

    static String host(int i) {
        return String.format("web%04d", i);
    }

    /** Writes every host's registration and its entry; hosts below {@code lagging} have applied only revision 1. */
    void fleet(long applied, int lagging) {
        Instant beat = Instant.now().plusSeconds(3600); // fresh for the whole test, however slow the machine
        Map<String, String> batch = new LinkedHashMap<>();
        for (int i = 1; i <= HOSTS; i++) {
            long a = i <= lagging ? 1 : applied;
            StatusEntry e = new StatusEntry(host(i), "cloud", a, a, Outcome.IN_SYNC, Instant.now(), "", beat, Duration.ofSeconds(3), "");
            batch.put(e.key(), e.toJson());
            HostRecord r = new HostRecord(host(i), List.of("cloud"), "fleet.groovy", Instant.now(), "");
            batch.put(r.key(), r.toJson());
            if (batch.size() >= 100) { // etcd's default --max-txn-ops is 128
                store.putAll(batch);
                batch.clear();
            }
        }
        store.putAll(batch);
    }

    long millis(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void statusHostsAndAwaitStayFastAndATimeoutSummarises() throws Exception {
        long wanted = store.put("/cloud/upstream/b", "127.0.0.1:9002");
        fleet(wanted, 498);

        CliRunner.Result[] status = new CliRunner.Result[1];
        long statusCold = millis(() -> status[0] = CliRunner.run("status", "--endpoints", etcd.clientUrl()));
        long statusWarm = millis(() -> status[0] = CliRunner.run("status", "--endpoints", etcd.clientUrl()));
        CliRunner.Result[] hosts = new CliRunner.Result[1];
        long readMs = millis(() -> org.confdsl.run.Fleet.read(store));
        long readWarm = millis(() -> org.confdsl.run.Fleet.read(store));
        long openMs = millis(() -> Stores.open(StoreModel.Etcd.of(List.of(etcd.clientUrl()))).close());
        long hostsWarm = millis(() -> hosts[0] = CliRunner.run("hosts", "--endpoints", etcd.clientUrl()));
        assertThat(status[0].code()).as(status[0].toString()).isZero();
        assertThat(status[0].out().lines().count()).isEqualTo(HOSTS + 1);
        assertThat(hosts[0].out()).contains("web1000  live");

        long start = System.nanoTime();
        assertThatThrownBy(() -> new AppliedAwaiter(store).await("cloud", wanted, Duration.ofSeconds(1)))
                .isInstanceOf(NotAppliedException.class)
                .hasMessageStartingWith("'cloud' not applied at revision " + wanted + " after 1s: 498 of 1000 hosts lag: web0001 at revision 1, ")
                .hasMessageEndingWith("web0010 at revision 1, … (first 10)");
        long timeoutMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        // The laggards catch up while a wait runs: it ends as soon as the last one reports.
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            long t = System.nanoTime();
            try {
                List<StatusEntry> by = new AppliedAwaiter(store).await("cloud", wanted, Duration.ofSeconds(60));
                assertThat(by).hasSize(HOSTS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
        });
        long caughtUp = System.nanoTime();
        fleet(wanted, 0);
        long lastWrite = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - caughtUp);
        long waitMs = waited.get(60, TimeUnit.SECONDS);
        long appliedMs = millis(() -> {
            try {
                new AppliedAwaiter(store).await("cloud", wanted, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        figures.append(String.format("fleet of %d hosts (%d status entries + %d registrations in etcd)%n", HOSTS, HOSTS, HOSTS))
                .append(String.format("confdsl status (in-process, cold / warm): %d ms / %d ms; confdsl hosts (warm): %d ms%n",
                        statusCold, statusWarm, hostsWarm))
                .append(String.format("of which: open an etcd store %d ms; read and parse the fleet %d ms (first), %d ms (warm)%n",
                        openMs, readMs, readWarm))
                .append(String.format("awaitApplied, all applied (one read, %d entries): %d ms%n", HOSTS, appliedMs))
                .append(String.format("awaitApplied while 498 hosts catch up: %d ms (their 2,000 writes took %d ms)%n", waitMs, lastWrite))
                .append(String.format("awaitApplied timeout of 1s with 498 laggards: %d ms, message names the first 10%n", timeoutMs));
    }
}
