package org.confdsl.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confdsl.dsl.DslLoader;
import org.confdsl.model.EngineModel;
import org.confdsl.model.StoreModel;
import org.confdsl.run.Engine;
import org.confdsl.run.StatusPublisher;
import org.confdsl.store.MemoryStore;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tasks against a memory store and an in-process watch daemon that publishes its status. */
class TaskRunnerTest {

    static final String HEAD = """
            store memory('/cloud/subdomain': 'cloud', '/cloud/upstream/a': '127.0.0.1:9001', '/cloud/upstream/b': '127.0.0.1:9002')
            resource('cloud') {
                prefix   '/cloud'
                keys     '/subdomain', '/upstream'
                template 'cloud.tmpl'
                dest     'out/cloud.conf'
                mkdirs   true
                %s
            }
            """;

    @TempDir
    Path dir;

    MemoryStore store;
    Thread daemon;
    final List<Throwable> daemonErrors = new CopyOnWriteArrayList<>();

    EngineModel load(String check, String tasks) throws IOException {
        Files.writeString(dir.resolve("cloud.tmpl"), "upstream ${getv('/subdomain')} {\n<% getvs('/upstream/*').each { %>    server ${it};\n<% } %>}\n");
        Path script = dir.resolve("t.groovy");
        Files.writeString(script, HEAD.formatted(check) + tasks);
        EngineModel model = new DslLoader().load(script);
        store = new MemoryStore(((StoreModel.Memory) model.store()).entries());
        return model;
    }

    /** A watch daemon in this JVM, named {@code host}, publishing to the same store. */
    void startDaemon(EngineModel model, String host) {
        Engine engine = new Engine(model, store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()));
        daemon = new Thread(() -> {
            try (StatusPublisher status = new StatusPublisher(store, host, Duration.ofSeconds(5))) {
                engine.watch(SyncOptions.DEFAULT, status, Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                // stopped by the test
            } catch (RuntimeException e) {
                daemonErrors.add(e);
            }
        }, "daemon-" + host);
        daemon.start();
        // A drain checks who serves before it changes anything: wait until the daemon reports.
        await().atMost(Duration.ofSeconds(30)).until(() -> store.snapshot(List.of("/confdsl/status/" + host)).entries().size() == 1);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.interrupt();
            daemon.join(10_000);
            assertThat(daemon.isAlive()).isFalse();
        }
        assertThat(daemonErrors).isEmpty();
        if (store != null) {
            store.close();
        }
    }

    String dest() throws IOException {
        return Files.readString(dir.resolve("out/cloud.conf"));
    }

    @Test
    void drainReturnsOnlyOnceTheDaemonAppliedTheRemovalAndRestorePutsItBack() throws Exception {
        EngineModel model = load("", """
                task('upgrade') { String name ->
                    def backend = drain "/cloud/upstream/$name"
                    log "upgrading $name"
                    restore backend
                }
                """);
        startDaemon(model, "web1");
        List<String> seenAtDone = new CopyOnWriteArrayList<>();
        RecordingTaskListener listener = new RecordingTaskListener(step -> {
            try {
                seenAtDone.add(step + " -> " + dest().contains("127.0.0.1:9001"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });

        new TaskRunner(model, store, listener, Map.of()).run("upgrade", List.of("a"), false);

        assertThat(seenAtDone).containsExactly("drain /cloud/upstream/a -> false", "restore /cloud/upstream/a -> true");
        assertThat(listener.events).anyMatch(e -> e.startsWith("11 done drain /cloud/upstream/a: removed at revision ")
                && e.contains("cloud applied by web1"));
        assertThat(listener.events).contains("12 log upgrading a");
        assertThat(store.snapshot(List.of("/cloud")).entries()).containsEntry("/cloud/upstream/a", "127.0.0.1:9001");
    }

    @Test
    void aDryRunReportsEveryStepAndChangesNothing() throws Exception {
        EngineModel model = load("", """
                task('upgrade') { String name ->
                    def backend = drain "/cloud/upstream/$name"
                    sh 'false'
                    restore backend
                }
                """);
        startDaemon(model, "web1");
        long before = store.lastChange(List.of("/cloud"));
        RecordingTaskListener listener = new RecordingTaskListener();

        new TaskRunner(model, store, listener, Map.of()).run("upgrade", List.of("a"), true);

        assertThat(listener.events).containsExactly(
                "11 start drain /cloud/upstream/a", "11 done drain /cloud/upstream/a: dry run: not done",
                "12 start sh false", "12 done sh false: dry run: not done",
                "13 start restore /cloud/upstream/a", "13 done restore /cloud/upstream/a: dry run: not done");
        assertThat(store.lastChange(List.of("/cloud"))).isEqualTo(before);
    }

    @Test
    void aFailedCommandStopsTheTaskNamingStepLineAndOutputAndLeavesTheStoreAsItWas() throws Exception {
        EngineModel model = load("", """
                task('upgrade') {
                    rm '/cloud/upstream/b'
                    sh 'sh -c "echo broken backend; exit 3"'
                    put '/cloud/upstream/b', 'never'
                }
                """);

        assertThatThrownBy(() -> new TaskRunner(model, store, new RecordingTaskListener(), Map.of()).run("upgrade", List.of(), false))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("(t.groovy, line 12) sh sh -c \"echo broken backend; exit 3\": ");
                    assertThat(e.getMessage()).contains("3");
                    assertThat(e.output()).contains("broken backend");
                });
        assertThat(store.snapshot(List.of("/cloud/upstream")).entries()).containsOnlyKeys("/cloud/upstream/a");
    }

    @Test
    void aRejectedRenderFailsTheDrainAtOnceNamingTheHost() throws Exception {
        // The check rejects an upstream block without servers, as nginx -t would.
        EngineModel model = load("check 'grep -q server {{.src}}'", """
                task('empty') {
                    drain '/cloud/upstream/a'
                    drain '/cloud/upstream/b', timeout: '30s'
                }
                """);
        startDaemon(model, "web1");
        long start = System.nanoTime();

        assertThatThrownBy(() -> new TaskRunner(model, store, new RecordingTaskListener(), Map.of()).run("empty", List.of(), false))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageStartingWith("(t.groovy, line 12) drain /cloud/upstream/b: 'cloud' was not applied at revision ")
                .hasMessageContaining("web1 reports CHECK_FAILED");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(dest()).contains("server 127.0.0.1:9002;");
    }

    @Test
    void awaitAppliedWithoutAnyDaemonTimesOutSayingSo() throws Exception {
        EngineModel model = load("", """
                task('wait') {
                    awaitApplied 'cloud', timeout: '300ms'
                }
                """);

        assertThatThrownBy(() -> new TaskRunner(model, store, new RecordingTaskListener(), Map.of()).run("wait", List.of(), false))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("line 11) awaitApplied cloud at revision")
                .hasMessageContaining("no confdsl daemon serves 'cloud'");
    }

    @Test
    void argumentsAreCountedAndUnknownTasksNamed() throws Exception {
        EngineModel model = load("", """
                task('one') { String name -> log name }
                task('many') { String first, String... rest -> log "$first ${rest.length}" }
                task('implicit') { log 'hi' }
                """);
        TaskRunner runner = new TaskRunner(model, store, new RecordingTaskListener(), Map.of());

        assertThatThrownBy(() -> runner.run("one", List.of(), false)).hasMessageContaining("takes 1 argument, not 0");
        assertThatThrownBy(() -> runner.run("many", List.of(), false)).hasMessageContaining("takes at least 1 argument, not 0");
        assertThatThrownBy(() -> runner.run("nope", List.of(), false)).hasMessageContaining("it declares: one, many, implicit");
        runner.run("many", List.of("x", "y", "z"), false);
        runner.run("implicit", List.of(), false);
    }
}
