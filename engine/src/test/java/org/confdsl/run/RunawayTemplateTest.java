package org.confdsl.run;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.confdsl.model.Debounce;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.model.StoreModel;
import org.confdsl.store.MemoryStore;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.Outcome;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template is code: an endless loop or an endless output fails its own resource, with the
 * default limits, and never stalls the pass or the watch daemon. Key values are data.
 */
class RunawayTemplateTest {

    static final String ENDLESS = "before\n<% while (true) { } %>after\n";
    static final SyncOptions WRITE = new SyncOptions(false, true, false);

    @TempDir
    Path dir;

    ResourceModel resource(String name, String template) throws IOException {
        Path tmpl = dir.resolve(name + ".tmpl");
        Files.writeString(tmpl, template);
        return new ResourceModel(name, "/" + name, List.of("/"), tmpl, dir.resolve(name + ".conf"), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, Debounce.DEFAULT, 1);
    }

    Engine engine(MemoryStore store, ResourceModel... resources) {
        EngineModel model = new EngineModel(dir.resolve("x.groovy"), StoreModel.Memory.of(Map.of()), List.of(resources));
        return new Engine(model, store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()));
    }

    /** Runs {@code body} for at most 60 s: a hang is a failure, and the thread is interrupted. */
    static <T> T bounded(java.util.concurrent.Callable<T> body) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<T> f = pool.submit(body);
            return f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onceWithAnEndlessTemplateFailsThatResourceAndWritesTheOthers() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/loop/a", "1", "/ok/name", "demo"));
        ResourceModel loop = resource("loop", ENDLESS);
        ResourceModel ok = resource("ok", "name ${getv('/name')}\n");
        Engine engine = engine(store, loop, ok);

        long started = System.nanoTime();
        List<SyncResult> results = bounded(() -> engine.once(WRITE, r -> { }));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(Outcome.FAILED, results.get(0).outcome());
        assertTrue(results.get(0).message().contains("(loop.tmpl, line 2) render took longer than 5s (stopped)"), results.get(0).message());
        assertEquals(Outcome.UPDATED, results.get(1).outcome());
        assertEquals("name demo\n", Files.readString(ok.dest()));
        assertTrue(Files.notExists(loop.dest()), "nothing of the runaway render was written");
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "stopped soon after its limit: " + took);
    }

    @Test
    @SuppressWarnings("try") // the watch runs for its effect and is closed by try-with-resources
    void theWatchDaemonKeepsApplyingOtherResourcesWhileOneLoops() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/loop/a", "1", "/ok/name", "one"));
        ResourceModel loop = resource("loop", ENDLESS);
        ResourceModel ok = resource("ok", "name ${getv('/name')}\n");
        List<SyncResult> results = new CopyOnWriteArrayList<>();
        try (WatchThread watch = WatchThread.start(engine(store, loop, ok), WRITE, results::add)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(ok.dest()));
            store.put("/ok/name", "two");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(
                    () -> assertEquals("name two\n", Files.readString(ok.dest(), StandardCharsets.UTF_8)));
            assertTrue(results.stream().anyMatch(r -> r.resource().equals("loop") && r.outcome() == Outcome.FAILED
                    && r.message().contains("render took longer than 5s (stopped)")), results.toString());
        }
    }

    @Test
    void anEndlessOutputIsAnErrorNotAnOutOfMemory() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/huge/a", "1"));
        // 2.5 GB in 1 MB writes
        ResourceModel huge = resource("huge", "<% def mb = 'x' * 1048576; 2500.times { %>${mb}<% } %>");

        List<SyncResult> results = bounded(() -> engine(store, huge).once(WRITE, r -> { }));

        assertEquals(Outcome.FAILED, results.get(0).outcome());
        assertTrue(results.get(0).message().contains("(huge.tmpl, line 1) the render is larger than 16MB (stopped)"), results.get(0).message());
        assertTrue(Files.notExists(huge.dest()));
    }

    @Test
    void keyValuesRenderAsTextNeverAsCode() throws Exception {
        String exit = "${System.exit(1)}";
        String execute = "<% 'id'.execute() %>";
        String gstring = "$USER ${-> 'x'} \\${1 + 1}";
        MemoryStore store = new MemoryStore(Map.of("/data/exit", exit, "/data/execute", execute, "/data/gstring", gstring));
        ResourceModel data = resource("data", "<% getvs('/*').each { %>${it}\n<% } %>${getv('/exit')}|${get('/execute').value}\n");

        List<SyncResult> results = bounded(() -> engine(store, data).once(WRITE, r -> { }));

        assertEquals(Outcome.UPDATED, results.get(0).outcome(), results.toString());
        String rendered = Files.readString(data.dest(), StandardCharsets.UTF_8);
        assertEquals(gstring + "\n" + exit + "\n" + execute + "\n" + exit + "|" + execute + "\n", rendered);
    }
}
