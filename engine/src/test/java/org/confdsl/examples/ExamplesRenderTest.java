package org.confdsl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.confdsl.dsl.DslLoader;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.model.StoreModel;
import org.confdsl.store.KeyValueStore;
import org.confdsl.store.Stores;
import org.confdsl.template.Rendered;
import org.confdsl.template.TemplateRenderer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: every script under dsl-examples/ is loaded, each resource rendered from the
 * example's own store, and the text compared with {@code expected/<dest file name>}. An example
 * whose store is etcd renders from the fixture {@code keys.yaml} beside it instead, which holds
 * the keys its README puts into etcd: the golden test needs no live etcd.
 */
class ExamplesRenderTest {

    static final Path ROOT = Path.of("..", "dsl-examples").toAbsolutePath().normalize();

    static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 2)) {
            return files.filter(p -> p.toString().endsWith(".groovy")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRendersItsGoldenFile() throws IOException {
        List<Path> scripts = scripts();
        assertFalse(scripts.isEmpty(), "no examples under " + ROOT);
        return scripts.stream().flatMap(script -> {
            EngineModel model = new DslLoader().load(script);
            return model.resources().stream().map(r -> DynamicTest.dynamicTest(
                    ROOT.relativize(script) + " " + r.name(), () -> assertGolden(script, model, r)));
        });
    }

    private static void assertGolden(Path script, EngineModel model, ResourceModel resource) throws IOException {
        Path golden = script.getParent().resolve("expected").resolve(resource.dest().getFileName());
        assertTrue(Files.isRegularFile(golden), "missing golden file " + golden);
        try (KeyValueStore store = Stores.open(storeOf(script, model))) {
            Rendered rendered = new TemplateRenderer().render(resource, store.snapshot(resource.watchedPrefixes()));
            assertEquals(Files.readString(golden), new String(rendered.content(), StandardCharsets.UTF_8),
                    "render of " + resource.name() + " differs from " + golden);
        }
    }

    private static StoreModel storeOf(Path script, EngineModel model) {
        if (model.store() instanceof StoreModel.Etcd) {
            Path fixture = script.getParent().resolve("keys.yaml");
            assertTrue(Files.isRegularFile(fixture), "an etcd example needs the fixture " + fixture);
            return new StoreModel.File(fixture);
        }
        return model.store();
    }
}
