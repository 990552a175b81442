package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;

import java.util.concurrent.atomic.AtomicReference;

import org.confdsl.run.StatusEntry;
import org.confdsl.sync.Outcome;
import org.confdsl.task.TaskListener;
import org.confdsl.task.TaskRunner;
import org.confdsl.testkit.LoadGenerator;
import org.confdsl.testkit.LoadReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SCENARIO end to end, with real etcd and nginx on loopback: two nginx hosts each with its
 * own watch daemon; under a bounded load (GET and POST) on web1, the example's task upgrades
 * backends a and b; then a control run that only reloads nginx as often; then the naive roll
 * (stop without draining), which must fail POSTs. Figures go to target/e2e-figures.txt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollingUpgradeE2ETest {

    static final int CONNECTIONS = 20;
    static final Duration LOAD = Duration.ofSeconds(15);
    static final long MAX_REQUESTS = 1_000_000;
    /** Per host and roll: drain a, restore a, drain b, restore b. */
    static final int RELOADS = 4;

    NginxScenario scenario;
    final Map<String, LoadReport> reports = new ConcurrentHashMap<>();
    final StringBuilder figures = new StringBuilder();

    @BeforeAll
    void start(@TempDir Path tmp) {
        scenario = new NginxScenario(tmp, "web1", "web2");
    }

    @AfterAll
    void stop() throws Exception {
        Path out = Path.of("target", "e2e-figures.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures.toString());
        System.out.println(figures);
        if (scenario != null) {
            scenario.close();
        }
    }

    /** Runs the load on web1 and, once it is under way, {@code action}; returns what the load saw. */
    LoadReport underLoad(String name, ThrowingRunnable action) throws Exception {
        LoadGenerator load = new LoadGenerator(scenario.host("web1").nginx().port(), CONNECTIONS, LOAD, MAX_REQUESTS);
        CompletableFuture<LoadReport> report = CompletableFuture.supplyAsync(() -> {
            try {
                return load.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> load.progress() >= 200);
        action.run();
        LoadReport r = report.get();
        reports.put(name, r);
        figures.append(String.format("%-8s %s (%d requests)%n", name, r.summary(), r.requests()));
        return r;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    @Order(1)
    void statusListsBothDaemonsAndADryRunOnlyPrintsTheSteps() {
        long before = scenario.store.snapshot(List.of("/cloud")).revision();

        CliRunner.Result status = CliRunner.run("status", "--endpoints", scenario.etcd.clientUrl());
        CliRunner.Result dry = CliRunner.run("run", scenario.host("web1").script().toString(), "upgrade", "a",
                "--dry-run", "--endpoints", scenario.etcd.clientUrl());

        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("web1\\s+cloud\\s+\\d+\\s+(UPDATED|IN_SYNC)")
                .containsPattern("web2\\s+cloud\\s+\\d+\\s+(UPDATED|IN_SYNC)");
        assertThat(dry.code()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("line 28: drain /cloud/upstream/a\n  ok: dry run: not done",
                "line 29: sh **** stop a", "line 30: sh **** start a", "line 31: awaitHttp http://" + scenario.backends.address("a") + "/",
                "line 32: restore /cloud/upstream/a");
        assertThat(scenario.store.snapshot(List.of("/cloud")).revision()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void theDrainedRollServesEveryRequest() throws Exception {
        Map<String, Long> restoreStarted = new ConcurrentHashMap<>();
        Map<String, Long> restoreDone = new ConcurrentHashMap<>();
        TaskListener timing = new TaskListener() {
            @Override
            public void stepStarted(int line, String step) {
                if (step.startsWith("restore ")) {
                    restoreStarted.put(step.substring(step.lastIndexOf('/') + 1), System.nanoTime());
                }
            }

            @Override
            public void stepDone(int line, String step, String detail) {
                if (step.startsWith("restore ")) {
                    restoreDone.put(step.substring(step.lastIndexOf('/') + 1), System.nanoTime());
                }
            }

            @Override
            public void log(int line, String message) {
            }
        };

        LoadReport r = underLoad("drained", () -> new TaskRunner(scenario.model(), scenario.store, timing, scenario.env())
                .run("upgrade", List.of("a", "b"), false));

        assertThat(r.getNon2xx()).as(r.summary()).isZero();
        assertThat(r.postNon2xx()).as(r.summary()).isZero();
        assertThat(r.getOk() + r.postOk()).isGreaterThan(1000);
        for (String b : List.of("a", "b")) {
            long start = restoreStarted.get(b);
            long served = r.firstAnswerFrom(b, start).orElseThrow(() -> new AssertionError(b + " never served after restore"));
            figures.append(String.format("restore %s -> first answer from %s through nginx: %d ms; restore step (applied on web1 and web2): %d ms%n",
                    b, b, (served - start) / 1_000_000, (restoreDone.get(b) - start) / 1_000_000));
        }
    }

    @Test
    @Order(3)
    void aControlRunThatOnlyReloadsLosesNoMoreConnections() throws Exception {
        LoadReport r = underLoad("control", () -> {
            for (int i = 0; i < RELOADS; i++) {
                scenario.reload(scenario.host("web1"));
            }
        });

        assertThat(r.non2xx()).as(r.summary()).isZero();
        LoadReport drained = reports.get("drained");
        figures.append(String.format("connection errors: drained %d (%d keep-alive races), control %d (%d keep-alive races), difference %d%n",
                drained.errors(), drained.keepAliveRaces(), r.errors(), r.keepAliveRaces(), drained.errors() - r.errors()));
        // A keep-alive race (nginx closes a connection on reload as the next request goes out) hits
        // either run at random, a few times in a thousand reloads; any other error is the roll's doing.
        assertThat(drained.errors() - drained.keepAliveRaces()).as("drained %s / control %s", drained.summary(), r.summary())
                .isEqualTo(r.errors() - r.keepAliveRaces()).isZero();
    }

    @Test
    @Order(4)
    void theNaiveRollFailsPosts() throws Exception {
        LoadReport r = underLoad("naive", () -> {
            for (String b : List.of("a", "b")) {
                scenario.backends.stop(b);
                scenario.backends.start(b);
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> scenario.get("http://" + scenario.backends.address(b) + "/").statusCode() == 200);
            }
        });

        figures.append(scenario.nginxOutputs().lines().filter(l -> l.contains("upstream")).count()
                + " upstream errors in the nginx logs (all runs)\n");
        assertThat(r.postNon2xx() + r.postErrors()).as(r.summary()).isPositive();
    }

    /** Waits until {@code host} reports a pass over 'cloud' at {@code revision} or later; returns its entry. */
    StatusEntry passAt(String host, long revision) {
        AtomicReference<StatusEntry> seen = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> scenario.statuses().stream()
                .filter(e -> e.host().equals(host) && e.revision() >= revision).peek(seen::set).findFirst().isPresent());
        return seen.get();
    }

    @Test
    @Order(5)
    void badValuesInEtcdNeverWedgeNginx() throws Exception {
        NginxScenario.Host web1 = scenario.host("web1");
        byte[] good = Files.readAllBytes(web1.dest());

        long bad = scenario.store.put("/cloud/upstream/a", "127.0.0.1:99999");
        StatusEntry rejected = passAt("web1", bad);
        assertThat(rejected.outcome()).isEqualTo(Outcome.CHECK_FAILED);
        assertThat(rejected.message()).endsWith("cloud.conf restored");
        assertThat(Files.readAllBytes(web1.dest())).isEqualTo(good);
        assertThat(scenario.get(web1.nginx().url()).statusCode()).isEqualTo(200);

        long empty = scenario.store.deletePrefix("/cloud/upstream");
        assertThat(passAt("web1", empty).outcome()).isEqualTo(Outcome.CHECK_FAILED);
        assertThat(Files.readAllBytes(web1.dest())).isEqualTo(good);
        assertThat(scenario.get(web1.nginx().url()).statusCode()).isEqualTo(200);

        long back = 0;
        for (String b : NginxScenario.BACKENDS) {
            back = scenario.store.put("/cloud/upstream/" + b, scenario.backends.address(b));
        }
        long last = back;
        await().atMost(Duration.ofSeconds(20)).until(() -> scenario.statuses().stream()
                .filter(e -> e.host().equals("web1")).allMatch(e -> e.hasApplied(last)));
        assertThat(Files.readAllBytes(web1.dest())).isEqualTo(good);
        assertThat(scenario.get(web1.nginx().url()).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void aStoppedDaemonsStatusGoesWithItAndTasksNoLongerWaitForIt() throws Exception {
        scenario.stopDaemon(scenario.host("web2"));

        assertThat(scenario.statuses()).extracting(StatusEntry::host).containsOnly("web1");
        CliRunner.Result status = CliRunner.run("status", "--endpoints", scenario.etcd.clientUrl(), "--format", "json");
        assertThat(status.out()).contains("\"host\":\"web1\"").doesNotContain("web2");
    }
}
