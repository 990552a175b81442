package org.confdsl.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confdsl.dsl.DslLoader;
import org.confdsl.model.EngineModel;
import org.confdsl.model.StoreModel;
import org.confdsl.run.Engine;
import org.confdsl.run.HostRegistry;
import org.confdsl.run.StatusEntry;
import org.confdsl.run.StatusPublisher;
import org.confdsl.store.Lease;
import org.confdsl.store.MemoryStore;
import org.confdsl.store.Watch;
import org.confdsl.store.WatchEvent;
import org.confdsl.store.WatchListener;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.Outcome;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;
import org.confdsl.testkit.HostDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Membership on the memory store: registered and declared hosts are expected, a silent or
 * stale one stops a drain before it changes anything, one lost during the wait fails it at once,
 * {@code --allow-missing} lets it through and says so, and awaitApplied waits for the resource's
 * own keys, not for the revision every status write moves.
 */
class MembershipTest {

    static final String HEAD = """
            store memory('/cloud/upstream/a': '127.0.0.1:9001', '/cloud/upstream/b': '127.0.0.1:9002')
            %s
            resource('cloud') {
                prefix   '/cloud'
                keys     '/upstream'
                template 'cloud.tmpl'
                dest     'out/cloud.conf'
                mkdirs   true
            }
            task('drainA') {
                drain '/cloud/upstream/a', timeout: '20s'
                log 'drained'
            }
            task('settle') {
                awaitApplied 'cloud', timeout: '5s'
            }
            """;

    @TempDir
    Path dir;

    MemoryStore store;
    final List<Thread> daemons = new ArrayList<>();
    final List<AutoCloseable> closers = new CopyOnWriteArrayList<>();

    EngineModel load(String inventory) throws IOException {
        Files.writeString(dir.resolve("cloud.tmpl"), "<% getvs('/upstream/*').each { %>server ${it};\n<% } %>");
        Path script = dir.resolve("m.groovy");
        Files.writeString(script, HEAD.formatted(inventory));
        EngineModel model = new DslLoader().load(script);
        store = new MemoryStore(((StoreModel.Memory) model.store()).entries());
        return model;
    }

    void startDaemon(EngineModel model, String host) throws IOException {
        // one confdsl per destination: the same script, from a directory of the host's own
        Path hostDir = HostDirs.copyFiles(dir.resolve("hosts"), host, model.script(), dir.resolve("cloud.tmpl"));
        EngineModel hostModel = new DslLoader().load(hostDir.resolve("m.groovy"));
        Engine engine = new Engine(hostModel, store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()));
        Thread t = new Thread(() -> {
            try (StatusPublisher status = new StatusPublisher(store, host, Duration.ofSeconds(3))) {
                engine.watch(SyncOptions.DEFAULT, status, Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                // stopped by the test
            }
        }, "daemon-" + host);
        t.start();
        daemons.add(t);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.snapshot(List.of(StatusEntry.key(host, "cloud"))).entries().size() == 1);
    }

    /** A host that reports once and then never applies anything: a daemon frozen after its first pass. */
    Lease frozenHost(String host, long applied, Instant beat) {
        Lease lease = store.lease(Duration.ofSeconds(3));
        StatusEntry e = new StatusEntry(host, "cloud", applied, applied, Outcome.IN_SYNC, beat, "", beat, Duration.ofSeconds(1), "");
        lease.put(e.key(), e.toJson());
        closers.add(lease);
        return lease;
    }

    @AfterEach
    void stop() throws Exception {
        for (Thread t : daemons) {
            t.interrupt();
            t.join(10_000);
        }
        for (AutoCloseable c : closers) {
            c.close();
        }
        if (store != null) {
            store.close();
        }
    }

    TaskRunner runner(EngineModel model, RecordingTaskListener listener) {
        return new TaskRunner(model, store, listener, Map.of());
    }

    boolean keyA() {
        return store.snapshot(List.of("/cloud/upstream/a")).entries().containsKey("/cloud/upstream/a");
    }

    @Test
    void aRegisteredHostWithoutStatusStopsTheDrainBeforeItChangesAnythingAndTheDryRunAgrees() throws Exception {
        EngineModel model = load("");
        new HostRegistry(store).register("web2", List.of("cloud"), "m.groovy", "");
        startDaemon(model, "web1");

        for (boolean dry : List.of(true, false)) {
            assertThatThrownBy(() -> runner(model, new RecordingTaskListener()).run("drainA", List.of(), dry))
                    .as("dry run %s", dry)
                    .isInstanceOf(TaskFailedException.class)
                    .hasMessageContaining("drain /cloud/upstream/a: 'cloud' is served by web1, web2 but web2 has no live status")
                    .hasMessageContaining("--allow-missing web2")
                    .hasMessageEndingWith("nothing was changed");
        }
        assertThat(keyA()).isTrue();
    }

    @Test
    void theScriptsInventoryIsExpectedEvenWhenNoDaemonEverRegistered() throws Exception {
        EngineModel model = load("hosts 'web1', 'web3'");
        startDaemon(model, "web1");

        assertThatThrownBy(() -> runner(model, new RecordingTaskListener()).run("drainA", List.of(), false))
                .hasMessageContaining("web3 has no live status").hasMessageContaining("named in the script's hosts");
        assertThat(keyA()).isTrue();
    }

    @Test
    void allowMissingGoesOnKnowinglyAndSaysSo() throws Exception {
        EngineModel model = load("hosts 'web1', 'web3'");
        startDaemon(model, "web1");
        RecordingTaskListener listener = new RecordingTaskListener();

        runner(model, listener).allowMissing(Set.of("web3")).run("drainA", List.of(), false);

        assertThat(keyA()).isFalse();
        assertThat(listener.events).anyMatch(e -> e.contains("'cloud' goes on without web3 (--allow-missing)"));
        assertThat(listener.events).anyMatch(e -> e.contains("done drain /cloud/upstream/a") && e.contains("cloud applied by web1"));
    }

    @Test
    void aStaleHostCountsAsSilent() throws Exception {
        EngineModel model = load("");
        startDaemon(model, "web1");
        frozenHost("web2", 1, Instant.now().minusSeconds(60));

        assertThatThrownBy(() -> runner(model, new RecordingTaskListener()).run("drainA", List.of(), false))
                .hasMessageContaining("web2 stopped reporting at revision 1 (last heartbeat");
        assertThat(keyA()).isTrue();
    }

    @Test
    void aHostWhoseEntryVanishesDuringTheWaitFailsTheDrainAtOnce() throws Exception {
        EngineModel model = load("");
        startDaemon(model, "web1");
        Lease web2 = frozenHost("web2", 1, Instant.now().plusSeconds(3600)); // beats "in the future": never stale, never applies
        // Its lease expires as soon as the drain has removed the key: the host vanishes mid-wait.
        Watch expire = store.watch(List.of("/cloud/upstream"), store.revision(), new WatchListener() {
            @Override
            public void onEvents(List<WatchEvent> events) {
                web2.close();
            }

            @Override
            public void onResync(org.confdsl.store.StoreException cause) {
            }
        });
        closers.add(expire::close);
        long start = System.nanoTime();

        assertThatThrownBy(() -> runner(model, new RecordingTaskListener()).run("drainA", List.of(), false))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageMatching("(?s).*'cloud' was not confirmed by web2: it stopped reporting at revision 1 "
                        + "\\(lease expired \\d\\d:\\d\\d:\\d\\d\\); it may still send traffic to /cloud/upstream/a.*");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void awaitAppliedWithoutARevisionWaitsForTheResourcesOwnKeysNotForStatusWrites() throws Exception {
        EngineModel model = load("");
        startDaemon(model, "web1");
        startDaemon(model, "web2");
        for (int i = 0; i < 5; i++) {
            store.put("/elsewhere/x", "moves the store's revision " + i);
        }
        RecordingTaskListener listener = new RecordingTaskListener();

        runner(model, listener).run("settle", List.of(), false);

        assertThat(listener.events).anyMatch(e -> e.contains("cloud applied by web1, web2"));
    }

    @Test
    void aTimeoutSummarisesTheLaggingHostsOfALargeFleet() throws Exception {
        EngineModel model = load("");
        for (int i = 1; i <= 30; i++) {
            StatusEntry e = new StatusEntry(String.format("web%04d", i), "cloud", 1, 1, Outcome.IN_SYNC, Instant.now(), "");
            store.put(e.key(), e.toJson());
        }
        long wanted = store.put("/cloud/upstream/c", "127.0.0.1:9003");

        assertThatThrownBy(() -> new org.confdsl.run.AppliedAwaiter(store).await("cloud", wanted, Duration.ofMillis(300)))
                .hasMessage("'cloud' not applied at revision " + wanted + " after 0s: 30 of 30 hosts lag: web0001 at revision 1, "
                        + "web0002 at revision 1, web0003 at revision 1, web0004 at revision 1, web0005 at revision 1, web0006 at revision 1, "
                        + "web0007 at revision 1, web0008 at revision 1, web0009 at revision 1, web0010 at revision 1, … (first 10)");
    }

    @Test
    void forgettingAHostStopsExpectingIt() throws Exception {
        EngineModel model = load("");
        HostRegistry registry = new HostRegistry(store);
        registry.register("web2", List.of("cloud"), "m.groovy", "");
        startDaemon(model, "web1");

        assertThat(registry.forget("web2")).isTrue();
        assertThat(registry.forget("web2")).isFalse();
        runner(model, new RecordingTaskListener()).run("drainA", List.of(), false);

        assertThat(keyA()).isFalse();
        assertThat(registry.hosts()).isEmpty();
    }
}
