package org.confdsl.run;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confdsl.model.CommandSpec;
import org.confdsl.model.Debounce;
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

/** The run loop's own logic on the memory store: passes, isolation of failures, watch and debounce. */
class EngineTest {

    @TempDir
    Path dir;

    ResourceModel resource(String name, String prefix, String template, Optional<CommandSpec> check) throws IOException {
        return resource(name, prefix, template, check, Debounce.DEFAULT);
    }

    ResourceModel resource(String name, String prefix, String template, Optional<CommandSpec> check, Debounce debounce)
            throws IOException {
        Path tmpl = dir.resolve(name + ".tmpl");
        Files.writeString(tmpl, template);
        return new ResourceModel(name, prefix, List.of("/"), tmpl, dir.resolve(name + ".conf"), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), check, false, Optional.empty(), false, debounce, 1);
    }

    Engine engine(MemoryStore store, ResourceModel... resources) {
        EngineModel model = new EngineModel(dir.resolve("x.groovy"), StoreModel.Memory.of(Map.of()), List.of(resources));
        return new Engine(model, store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()));
    }

    @Test
    void oncePassRendersEveryResourceFromOneRevisionAndIsolatesFailures() throws IOException {
        MemoryStore store = new MemoryStore(Map.of("/a/x", "1", "/b/x", "2"));
        ResourceModel a = resource("a", "/a", "x=${getv('/x')}\n", Optional.empty());
        ResourceModel broken = resource("broken", "/b", "y=${getv('/missing')}\n", Optional.empty());
        ResourceModel b = resource("b", "/b", "x=${getv('/x')}\n", Optional.empty());
        List<SyncResult> seen = new ArrayList<>();

        List<SyncResult> results = engine(store, a, broken, b).once(SyncOptions.DEFAULT, seen::add);

        assertEquals(results, seen);
        assertEquals(List.of(Outcome.UPDATED, Outcome.FAILED, Outcome.UPDATED), results.stream().map(SyncResult::outcome).toList());
        assertEquals(Collections.nCopies(3, store.revision()), results.stream().map(SyncResult::revision).toList());
        assertTrue(results.get(1).message().contains("/missing"), results.get(1).message());
        assertEquals("x=1\n", Files.readString(a.dest()));
        assertEquals("x=2\n", Files.readString(b.dest()));
        assertFalse(Files.exists(broken.dest()));
    }

    @Test
    void aResourceSeesOnlyItsOwnPrefixesKeys() throws IOException {
        MemoryStore store = new MemoryStore(Map.of("/app/x", "1", "/apple/x", "2"));
        ResourceModel app = resource("app", "/app", "<% print(ls('/').join(',')) %>|${exists('/x')}\n", Optional.empty());

        engine(store, app).once(SyncOptions.DEFAULT, r -> { });

        assertEquals("x|true\n", Files.readString(app.dest()));
    }

    @Test
    void watchAppliesABurstWithFewRendersAndEndsInTheExactFinalState() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/app/n", "0"));
        ResourceModel app = resource("app", "/app", "n=${getv('/n')}\n", Optional.empty(),
                new Debounce(Duration.ofMillis(100), Duration.ofSeconds(2)));
        ResourceModel other = resource("other", "/other", "static\n", Optional.empty());
        List<SyncResult> results = new CopyOnWriteArrayList<>();
        Engine engine = engine(store, app, other);
        WatchThread loop = WatchThread.start(engine, SyncOptions.DEFAULT, results::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> results.size() == 2);
            for (int i = 1; i <= 500; i++) {
                store.put("/app/n", Integer.toString(i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(app.dest()).equals("n=500\n"));
            long appRenders = results.stream().filter(r -> r.resource().equals("app") && r.outcome() == Outcome.UPDATED).count();
            assertTrue(appRenders <= 4, "a burst of 500 puts gave " + appRenders + " renders");
            assertEquals(1, results.stream().filter(r -> r.resource().equals("other")).count(),
                    "a resource whose keys did not change is not rendered again");
        } finally {
            loop.close();
        }
    }

    @Test
    void watchRetriesAFailedResourceWithoutAnyKeyChange() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/app/n", "1"));
        Path allow = dir.resolve("allow");
        ResourceModel app = resource("app", "/app", "n=${getv('/n')}\n",
                Optional.of(new CommandSpec(List.of("test", "-f", allow.toString()), false, Duration.ofSeconds(10))));
        List<SyncResult> results = new CopyOnWriteArrayList<>();
        Engine engine = engine(store, app);
        WatchThread loop = WatchThread.start(engine, SyncOptions.DEFAULT, results::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !results.isEmpty());
            assertEquals(Outcome.CHECK_FAILED, results.get(0).outcome());
            Files.writeString(allow, "");
            await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(app.dest()));
            // The file is written before its result is reported: wait for the report, not the file alone.
            await().atMost(Duration.ofSeconds(15)).until(() -> results.get(results.size() - 1).outcome() == Outcome.UPDATED);
        } finally {
            loop.close();
        }
    }
}
