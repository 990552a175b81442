package org.confdsl.cli;

import java.nio.file.Path;
import java.util.List;

import org.confdsl.dsl.DslLoader;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.run.Engine;
import org.confdsl.store.KeyValueStore;
import org.confdsl.store.Stores;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;

/**
 * A loaded script with its store opened and an engine built: what every command that acts on a
 * script needs. Layering: script → command line ({@link StoreOptions}) → one engine.
 */
final class ScriptContext implements AutoCloseable {

    private final EngineModel model;
    private final KeyValueStore store;
    private final Engine engine;

    private ScriptContext(EngineModel model, KeyValueStore store, Engine engine) {
        this.model = model;
        this.store = store;
        this.engine = engine;
    }

    /**
     * Loads {@code script}, layers the command line's store options over its store, and opens
     * that store; {@code stateDir} keeps pending reloads between runs.
     */
    static ScriptContext open(Path script, Path stateDir, StoreOptions storeOptions) {
        EngineModel loaded = new DslLoader().load(script);
        EngineModel model = new EngineModel(loaded.script(), storeOptions.layer(loaded.store()), loaded.resources());
        KeyValueStore store = Stores.open(model.store());
        Syncer syncer = new Syncer(new CommandRunner(), PendingReloads.inDirectory(stateDir));
        return new ScriptContext(model, store, new Engine(model, store, new TemplateRenderer(), syncer));
    }

    EngineModel model() {
        return model;
    }

    Engine engine() {
        return engine;
    }

    /**
     * The resources named, or all when {@code names} is empty.
     *
     * @throws UsageException naming an unknown resource and the known ones
     */
    List<ResourceModel> select(List<String> names) {
        if (names.isEmpty()) {
            return model.resources();
        }
        return names.stream().map(n -> model.resource(n).orElseThrow(() -> new UsageException(
                "no resource '" + n + "' in " + model.script().getFileName() + "; it declares: "
                        + String.join(", ", model.resources().stream().map(ResourceModel::name).toList()))))
                .toList();
    }

    @Override
    public void close() {
        store.close();
    }
}
