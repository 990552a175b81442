package org.confdsl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

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
 * A big pass with the real {@link Syncer} whose syncs overlap ({@link SyncScheduler}): every file
 * written, results in the script's order, and a resource that fails in the middle (a check that
 * rejects, a template error) changes nothing of its own and nothing of the others.
 */
class ConcurrentPassTest {

    private static final int SITES = 200;
    private static final int MIDDLE = SITES / 2;

    @TempDir
    Path dir;

    @Test
    void aFailingCheckInTheMiddleOfABigPassLeavesThatFileAloneAndTheOthersApplied() throws Exception {
        Path log = dir.resolve("commands.log");
        List<ResourceModel> resources = new ArrayList<>();
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < SITES; i++) {
            Optional<CommandSpec> check = Optional.empty();
            Optional<CommandSpec> reload = Optional.empty();
            if (i == MIDDLE) {
                check = Optional.of(sh("echo check >> '" + log + "'; exit 1"));
                reload = Optional.of(sh("echo reload >> '" + log + "'"));
            } else if (i == MIDDLE + 10) {
                reload = Optional.of(sh("echo reload-" + i + " $(cat '" + dir.resolve("out/s" + (MIDDLE + 9) + ".conf")
                        + "') >> '" + log + "'"));
            }
            resources.add(site(i, check, reload));
            keys.put("/s" + i + "/v", "new" + i);
            Files.createDirectories(dir.resolve("out"));
            Files.writeString(dir.resolve("out/s" + i + ".conf"), "v=old\n");
        }
        MemoryStore store = new MemoryStore(keys);
        List<SyncResult> results = engine(store, resources).once(SyncOptions.DEFAULT, r -> { });

        assertThat(results).extracting(SyncResult::resource)
                .containsExactlyElementsOf(resources.stream().map(ResourceModel::name).toList());
        for (int i = 0; i < SITES; i++) {
            Path file = dir.resolve("out/s" + i + ".conf");
            if (i == MIDDLE) {
                assertThat(results.get(i).outcome()).isEqualTo(Outcome.CHECK_FAILED);
                assertThat(Files.readString(file)).as("the rejected candidate never replaced s" + i).isEqualTo("v=old\n");
            } else {
                assertThat(results.get(i).outcome()).as(results.get(i).toString()).isEqualTo(Outcome.UPDATED);
                assertThat(Files.readString(file)).isEqualTo("v=new" + i + "\n");
            }
        }
        assertThat(Files.readAllLines(log)).as("the reload after the barrier saw the file written just before it")
                .containsExactly("check", "reload-" + (MIDDLE + 10) + " v=new" + (MIDDLE + 9));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aTemplateErrorInTheMiddleOfABigPassIsReportedInItsPlaceAndTheOthersAreApplied() throws Exception {
        List<ResourceModel> resources = new ArrayList<>();
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < SITES; i++) {
            resources.add(site(i, Optional.empty(), Optional.empty()));
            if (i != MIDDLE) {
                keys.put("/s" + i + "/v", "new" + i);
            }
        }
        List<SyncResult> heard = new ArrayList<>();
        List<SyncResult> results = engine(new MemoryStore(keys), resources).once(SyncOptions.DEFAULT, heard::add);

        assertThat(heard).isEqualTo(results);
        assertThat(results).extracting(SyncResult::resource)
                .containsExactlyElementsOf(resources.stream().map(ResourceModel::name).toList());
        assertThat(results.get(MIDDLE).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(results.get(MIDDLE).message()).contains("/v");
        assertThat(Files.exists(dir.resolve("out/s" + MIDDLE + ".conf"))).isFalse();
        assertThat(results.stream().filter(r -> r.outcome() == Outcome.UPDATED)).hasSize(SITES - 1);
        assertThat(leftovers()).isEmpty();

        List<SyncResult> again = engine(new MemoryStore(keys), resources).once(SyncOptions.DEFAULT, r -> { });
        assertThat(again.stream().filter(r -> r.outcome() == Outcome.IN_SYNC)).as("a second pass finds them in sync")
                .hasSize(SITES - 1);
    }

    @Test
    void twoResourcesWritingOneFileInABigPassLeaveTheLaterOnesRenderAsASequentialPassWould() throws Exception {
        Path tmpl = dir.resolve("site.tmpl");
        Files.writeString(tmpl, "v=${getv('/v')}\n");
        Files.createDirectories(dir.resolve("out"));
        Path shared = dir.resolve("out/shared.conf");
        Path link = dir.resolve("link.conf");
        Files.createSymbolicLink(link, shared);
        Map<String, String> keys = new HashMap<>();
        List<ResourceModel> resources = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // every tenth resource writes the shared file, the last of them through a symbolic link
            Path dest = i % 10 == 0 ? (i == 30 ? link : shared) : dir.resolve("out/s" + i + ".conf");
            resources.add(new ResourceModel("s" + i, "/s" + i, List.of("/"), tmpl, dest, OptionalInt.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), false, Optional.empty(), true, Debounce.DEFAULT, i + 1));
            keys.put("/s" + i + "/v", "v" + i);
        }
        for (int round = 0; round < 5; round++) {
            Files.deleteIfExists(shared);
            List<SyncResult> results = engine(new MemoryStore(keys), resources).once(SyncOptions.DEFAULT, r -> { });
            assertThat(results).noneMatch(r -> r.outcome().isFailure());
            assertThat(Files.readString(shared)).as("round " + round).isEqualTo("v=v30\n");
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private ResourceModel site(int i, Optional<CommandSpec> check, Optional<CommandSpec> reload) throws IOException {
        Path tmpl = dir.resolve("site.tmpl");
        if (!Files.exists(tmpl)) {
            Files.writeString(tmpl, "v=${getv('/v')}\n");
        }
        return new ResourceModel("s" + i, "/s" + i, List.of("/"), tmpl, dir.resolve("out/s" + i + ".conf"),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), check, false, reload, true, Debounce.DEFAULT, i + 1);
    }

    private static CommandSpec sh(String script) {
        return new CommandSpec(List.of("sh", "-c", script), false, Duration.ofSeconds(30));
    }

    private Engine engine(MemoryStore store, List<ResourceModel> resources) {
        EngineModel model = new EngineModel(dir.resolve("x.groovy"), StoreModel.Memory.of(Map.of()), resources);
        return new Engine(model, store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()));
    }
}
