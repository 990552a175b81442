package org.confdsl.run;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confdsl.model.CommandSpec;
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
 * Watch mode without a quiet window: changes that arrive while a render (here: its check) runs
 * are collected and rendered once when it finishes, from the newest state.
 */
class NaturalBatchingTest {

    @TempDir
    Path dir;

    @Test
    void changesArrivingDuringACheckAreRenderedOnceWhenItFinishes() throws Exception {
        Path gate = dir.resolve("gate");
        Path started = dir.resolve("started");
        Files.writeString(gate, "");
        // The check marks that it runs, then holds the render until the test opens the gate.
        String hold = "touch '" + started + "'; i=0; while [ ! -f '" + gate + "' ] && [ $i -lt 3000 ]; do sleep 0.01; i=$((i+1)); done";
        ResourceModel app = resource("app", "n=${getv('/n')}\n",
                Optional.of(new CommandSpec(List.of("sh", "-c", hold), false, Duration.ofSeconds(60))));
        MemoryStore store = new MemoryStore(Map.of("/app/n", "0"));
        List<SyncResult> results = new CopyOnWriteArrayList<>();
        WatchThread loop = WatchThread.start(engine(store, app), SyncOptions.DEFAULT, results::add);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> results.size() == 1);
            Files.delete(gate);
            Files.deleteIfExists(started);

            store.put("/app/n", "1");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(started));
            for (int i = 2; i <= 100; i++) {
                store.put("/app/n", Integer.toString(i));
            }
            Files.writeString(gate, "");

            await().atMost(Duration.ofSeconds(20)).until(() -> results.size() == 3);
            assertEquals("n=100\n", Files.readString(app.dest()));
            assertEquals(List.of(Outcome.UPDATED, Outcome.UPDATED, Outcome.UPDATED),
                    results.stream().map(SyncResult::outcome).toList(),
                    "the first pass, the render of n=1, then one render of the 99 changes made during its check");
        } finally {
            loop.close();
        }
    }

    private ResourceModel resource(String name, String template, Optional<CommandSpec> check) throws IOException {
        Path tmpl = dir.resolve(name + ".tmpl");
        Files.writeString(tmpl, template);
        return new ResourceModel(name, "/" + name, List.of("/"), tmpl, dir.resolve(name + ".conf"), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), check, false, Optional.empty(), false, Debounce.DEFAULT, 1);
    }

    private Engine engine(MemoryStore store, ResourceModel... resources) {
        EngineModel model = new EngineModel(dir.resolve("x.groovy"), StoreModel.Memory.of(Map.of()), List.of(resources));
        return new Engine(model, store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()));
    }
}
