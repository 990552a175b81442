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

import org.confdsl.model.Debounce;
import org.confdsl.model.EngineModel;
import org.confdsl.model.RenderLimits;
import org.confdsl.model.ResourceModel;
import org.confdsl.model.StoreModel;
import org.confdsl.model.TemplateSyntax;
import org.confdsl.store.MemoryStore;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.Outcome;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.SyncResult;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Go template (the DSL's {@code syntax: 'go'}, {@code .gotmpl}, a confd TOML resource) is bounded
 * by the same {@link RenderLimits} as a Groovy one: a render that runs too long or grows too large
 * fails its own resource, and the pass and the watch daemon go on with the others.
 */
class GoRunawayTemplateTest {

    /** 10^12 empty iterations: hours of work, and not one byte of output. */
    static final String ENDLESS = "before\n{{range seq 1 10000}}{{range seq 1 10000}}{{range seq 1 10000}}{{end}}{{end}}{{end}}after\n";
    /** 10^10 lines of 1,000 bytes: 10 TB. */
    static final String HUGE = "{{range seq 1 100000}}{{range seq 1 100000}}{{printf \"%0999d\" 0}}\n{{end}}{{end}}";

    @TempDir
    Path dir;

    ResourceModel resource(String name, String template, RenderLimits limits) throws IOException {
        Path tmpl = dir.resolve(name + ".tmpl");
        Files.writeString(tmpl, template);
        return new ResourceModel(name, "/" + name, List.of("/"), tmpl, dir.resolve(name + ".conf"), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, Debounce.DEFAULT, 1,
                limits, List.of(), TemplateSyntax.GO);
    }

    Engine engine(MemoryStore store, ResourceModel... resources) {
        EngineModel model = new EngineModel(dir.resolve("x.groovy"), StoreModel.Memory.of(Map.of()), List.of(resources));
        return new Engine(model, store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()));
    }

    static RenderLimits timeout(Duration d) {
        return new RenderLimits(d, RenderLimits.DEFAULT.maxBytes());
    }

    @Test
    void onceWithAnEndlessGoTemplateFailsThatResourceAndWritesTheOthers() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/loop/a", "1", "/ok/name", "demo"));
        ResourceModel loop = resource("loop", ENDLESS, timeout(Duration.ofSeconds(2)));
        ResourceModel ok = resource("ok", "name {{getv \"/name\"}}\n", RenderLimits.DEFAULT);
        Engine engine = engine(store, loop, ok);

        long started = System.nanoTime();
        List<SyncResult> results = RunawayTemplateTest.bounded(() -> engine.once(RunawayTemplateTest.WRITE, r -> { }));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(Outcome.FAILED, results.get(0).outcome(), results.toString());
        assertTrue(results.get(0).message().contains("(loop.tmpl) render took longer than 2s (stopped)"), results.get(0).message());
        assertEquals(Outcome.UPDATED, results.get(1).outcome(), results.toString());
        assertEquals("name demo\n", Files.readString(ok.dest()));
        assertTrue(Files.notExists(loop.dest()), "nothing of the runaway render was written");
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "stopped soon after its limit: " + took);
    }

    @Test
    void anEndlessGoOutputIsAnErrorNotAnOutOfMemory() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/huge/a", "1", "/ok/name", "demo"));
        ResourceModel huge = resource("huge", HUGE, RenderLimits.DEFAULT);
        ResourceModel ok = resource("ok", "name {{getv \"/name\"}}\n", RenderLimits.DEFAULT);

        List<SyncResult> results = RunawayTemplateTest.bounded(() -> engine(store, huge, ok).once(RunawayTemplateTest.WRITE, r -> { }));

        assertEquals(Outcome.FAILED, results.get(0).outcome(), results.toString());
        assertTrue(results.get(0).message().contains("(huge.tmpl) the render is larger than 16MB (stopped)"), results.get(0).message());
        assertTrue(Files.notExists(huge.dest()));
        assertEquals("name demo\n", Files.readString(ok.dest()));
    }

    @Test
    void aHugePrintfWidthIsGosBadWidthNotAGigabyteOfPadding() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/pad/a", "1"));
        // Go's fmt refuses a width beyond 10^6 (%!(BADWIDTH)); a 2 GB pad would be an OutOfMemoryError
        ResourceModel pad = resource("pad", "{{printf \"%*d\" 2000000000 7}}\n", RenderLimits.DEFAULT);

        List<SyncResult> results = RunawayTemplateTest.bounded(() -> engine(store, pad).once(RunawayTemplateTest.WRITE, r -> { }));

        assertEquals(Outcome.UPDATED, results.get(0).outcome(), results.toString());
        assertEquals("%!(BADWIDTH)7\n", Files.readString(pad.dest()));
    }

    @Test
    void aVariableThatDoublesIsStoppedAtTheSizeLimitNotAnOutOfMemory() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/grow/a", "1", "/ok/name", "demo"));
        // never written: 2^64 bytes held in a variable
        ResourceModel grow = resource("grow", "{{$x := \"x\"}}{{range seq 1 64}}{{$x = printf \"%s%s\" $x $x}}{{end}}{{len $x}}\n",
                RenderLimits.DEFAULT);
        ResourceModel ok = resource("ok", "name {{getv \"/name\"}}\n", RenderLimits.DEFAULT);

        List<SyncResult> results = RunawayTemplateTest.bounded(() -> engine(store, grow, ok).once(RunawayTemplateTest.WRITE, r -> { }));

        assertEquals(Outcome.FAILED, results.get(0).outcome(), results.toString());
        assertTrue(results.get(0).message().contains("characters is larger than the render may grow (16777216 bytes)"),
                results.get(0).message());
        assertTrue(Files.notExists(grow.dest()));
        assertEquals("name demo\n", Files.readString(ok.dest()));
    }

    @Test
    @SuppressWarnings("try") // the watch runs for its effect and is closed by try-with-resources
    void theWatchDaemonKeepsApplyingOtherResourcesWhileAGoTemplateLoops() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/loop/a", "1", "/ok/name", "one"));
        ResourceModel loop = resource("loop", ENDLESS, timeout(Duration.ofSeconds(1)));
        ResourceModel ok = resource("ok", "name {{getv \"/name\"}}\n", RenderLimits.DEFAULT);
        List<SyncResult> results = new CopyOnWriteArrayList<>();
        try (WatchThread watch = WatchThread.start(engine(store, loop, ok), RunawayTemplateTest.WRITE, results::add)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(ok.dest()));
            store.put("/ok/name", "two");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(
                    () -> assertEquals("name two\n", Files.readString(ok.dest(), StandardCharsets.UTF_8)));
            assertTrue(results.stream().anyMatch(r -> r.resource().equals("loop") && r.outcome() == Outcome.FAILED
                    && r.message().contains("render took longer than 1s (stopped)")), results.toString());
        }
    }
}
