package org.confdsl.run;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.confdsl.model.Debounce;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.model.StoreModel;
import org.confdsl.store.KeyValueStore;
import org.confdsl.store.MemoryStore;
import org.confdsl.store.Snapshot;
import org.confdsl.store.Watch;
import org.confdsl.store.WatchListener;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.Outcome;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a watch daemon's watch starts, and which events it ignores. */
class WatchStartTest {

    @TempDir
    Path dir;

    ResourceModel resource(String prefix, String template) throws IOException {
        Path tmpl = dir.resolve("app.tmpl");
        Files.writeString(tmpl, template);
        return new ResourceModel("app", prefix, List.of("/"), tmpl, dir.resolve("app.conf"), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, Debounce.DEFAULT, 1);
    }

    Engine engine(KeyValueStore store, ResourceModel resource) {
        EngineModel model = new EngineModel(dir.resolve("x.groovy"), StoreModel.Memory.of(Map.of()), List.of(resource));
        return new Engine(model, store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()));
    }

    /**
     * A change committed after the first read and before the watch is set up must not be lost:
     * the watch starts right after the read's revision, not one later.
     */
    @Test
    void aChangeBetweenTheFirstReadAndTheWatchIsApplied() throws Exception {
        MemoryStore memory = new MemoryStore(Map.of("/app/n", "1"));
        AtomicBoolean raced = new AtomicBoolean();
        KeyValueStore racing = new KeyValueStore() {
            @Override
            public Snapshot snapshot(Collection<String> prefixes) {
                return memory.snapshot(prefixes);
            }

            @Override
            public Watch watch(Collection<String> prefixes, long afterRevision, WatchListener listener) {
                if (raced.compareAndSet(false, true)) {
                    memory.put("/app/n", "2");   // lands at afterRevision + 1, before the watch exists
                }
                return memory.watch(prefixes, afterRevision, listener);
            }

            @Override
            public String describe() {
                return memory.describe();
            }
        };
        ResourceModel app = resource("/app", "n=${getv('/n')}\n");

        WatchThread loop = WatchThread.start(engine(racing, app), SyncOptions.DEFAULT, r -> { });
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(app.dest())
                    && Files.readString(app.dest()).equals("n=2\n"));
        } finally {
            loop.close();
        }
    }

    /**
     * Daemons write their status under /confdsl/status after every pass; a resource watching
     * "/" must neither render again because of it nor see those keys through the watch.
     */
    @Test
    void statusEntriesWrittenByDaemonsAreNotChangesOfAResource() throws Exception {
        MemoryStore store = new MemoryStore(Map.of("/x", "0"));
        ResourceModel app = resource("/", "x=${getv('/x')} status=${gets('/confdsl/status/*/*').size()}\n");
        List<SyncResult> results = new CopyOnWriteArrayList<>();

        WatchThread loop = WatchThread.start(engine(store, app), SyncOptions.DEFAULT, results::add);
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> results.size() == 1);
            store.put(StatusEntry.PREFIX + "/web1/app", "{\"revision\":1}");
            store.put(StatusEntry.PREFIX + "/web2/app", "{\"revision\":1}");
            store.put("/x", "1");
            await().atMost(Duration.ofSeconds(15)).until(() -> Files.readString(app.dest()).startsWith("x=1 "));
            await().atMost(Duration.ofSeconds(15)).until(() -> results.size() >= 2);

            assertEquals("x=1 status=0\n", Files.readString(app.dest()));
            assertEquals(List.of(Outcome.UPDATED, Outcome.UPDATED), results.stream().map(SyncResult::outcome).toList());
        } finally {
            loop.close();
        }
    }
}
