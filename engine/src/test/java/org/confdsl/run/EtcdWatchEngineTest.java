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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confdsl.model.Debounce;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.model.StoreModel;
import org.confdsl.store.EtcdStore;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.Outcome;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;
import org.confdsl.testkit.EtcdProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch mode end to end in the engine against a real etcd: whatever the store goes through,
 * the destination ends equal to the render of etcd's final state.
 */
class EtcdWatchEngineTest {

    @TempDir
    Path dir;

    EtcdProcess etcd;
    EtcdStore store;
    WatchThread loop;
    final List<SyncResult> results = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEtcd() {
        etcd = EtcdProcess.start();
        store = EtcdStore.open(StoreModel.Etcd.of(List.of(etcd.clientUrl())));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.close();
        }
        store.close();
        etcd.close();
    }

    ResourceModel resource(Debounce debounce) throws IOException {
        Path template = dir.resolve("up.tmpl");
        Files.writeString(template, "<% gets('/*').each { %>${it.key}=${it.value}\n<% } %>");
        return new ResourceModel("up", "/up", List.of("/"), template, dir.resolve("up.conf"), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, debounce, 1);
    }

    void watch(ResourceModel resource) {
        EngineModel model = new EngineModel(dir.resolve("x.groovy"), StoreModel.Etcd.of(List.of(etcd.clientUrl())), List.of(resource));
        Engine engine = new Engine(model, store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()));
        loop = WatchThread.start(engine, new SyncOptions(false, true, false), results::add);
    }

    /** What the template renders for etcd's keys under /up right now. */
    String expected() {
        StringBuilder out = new StringBuilder();
        store.snapshot(List.of("/up")).entries().forEach((k, v) -> {
            String relative = k.substring("/up".length());
            if (relative.indexOf('/', 1) < 0) { // gets('/*'): one level, as the template asks
                out.append(relative).append('=').append(v).append('\n');
            }
        });
        return out.toString();
    }

    @Test
    void aStormOfRandomPutsAndDeletesEndsInTheRenderOfEtcdsFinalState() throws Exception {
        store.put("/up/k0", "start");
        // The opt-in quiet window: with it a storm coalesces into few renders (without it every
        // render takes the changes that came while the previous one ran).
        ResourceModel resource = resource(new Debounce(Duration.ofMillis(50), Duration.ofSeconds(1)));
        watch(resource);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(resource.dest()));

        Random random = new Random(42);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; i < 10_000 && System.nanoTime() < deadline; i++) {
            String key = "/up/k" + random.nextInt(40);
            if (random.nextInt(3) == 0) {
                store.delete(key);
            } else {
                store.put(key, "v" + i);
            }
        }
        String want = expected();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertEquals(want, Files.readString(resource.dest(), StandardCharsets.UTF_8)));
        long renders = results.stream().filter(r -> r.outcome() == Outcome.UPDATED).count();
        assertTrue(renders < 2_000, "bursts coalesce: " + renders + " renders for 10,000 changes");
    }

    @Test
    void aChangeWhileEtcdWasDownIsAppliedAfterItComesBack() throws Exception {
        store.put("/up/a", "1");
        ResourceModel resource = resource(Debounce.DEFAULT);
        watch(resource);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(resource.dest()));

        etcd.stop();
        etcd.restart(); // returns once etcd answers /health
        // The store accepts writes again once its monitor has seen etcd back and reconnected:
        // wait for that fact instead of assuming it (a put at once failed under load with
        // "etcd unreachable ... Connection refused").
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> store.put("/up/b", "2") > 0);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertEquals("/a=1\n/b=2\n", Files.readString(resource.dest(), StandardCharsets.UTF_8)));
    }

    @Test
    void aWipedEtcdIsReadAgainFromScratch() throws Exception {
        store.put("/up/a", "1");
        store.put("/up/b", "2");
        ResourceModel resource = resource(Debounce.DEFAULT);
        watch(resource);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(resource.dest()));

        etcd.wipeAndRestart();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> store.put("/up/c", "3") > 0);

        // confd would stay blind here until the new revision counter passed the old one
        await().atMost(Duration.ofSeconds(15)).untilAsserted(
                () -> assertEquals("/c=3\n", Files.readString(resource.dest(), StandardCharsets.UTF_8)));
    }
}
