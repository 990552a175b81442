package org.confdsl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.confdsl.dsl.DslLoader;
import org.confdsl.dsl.ResourceSpec;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.run.Engine;
import org.confdsl.run.EngineEvents;
import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.Stores;
import org.confdsl.sync.CommandResult;
import java.util.Set;
import java.util.TreeSet;

import org.confdsl.model.Secret;
import org.confdsl.model.StoreModel;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.recovery.CommandJournal;
import org.confdsl.sync.recovery.Destinations;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;

/**
 * A loaded script with its store opened and an engine built: what every command that acts on a
 * script needs. Layering: script → command line ({@link StoreOptions}) → one engine. The shell
 * keeps one open and lends it to commands with {@link #borrowed()}.
 */
public final class ScriptContext implements AutoCloseable {

    private final EngineModel model;
    private final MutableKeyValueStore store;
    private final Engine engine;
    private final boolean owner;

    private ScriptContext(EngineModel model, MutableKeyValueStore store, Engine engine, boolean owner) {
        this.model = model;
        this.store = store;
        this.engine = engine;
        this.owner = owner;
    }

    /**
     * Loads {@code script}, layers the command line's store options over its store, and opens
     * that store; {@code stateDir} keeps pending reloads between runs.
     */
    static ScriptContext open(Path script, Path stateDir, StoreOptions storeOptions) {
        return open(script, stateDir, storeOptions, EngineEvents.NONE, m -> (command, result) -> { }, () -> "");
    }

    /**
     * {@link #open(Path, Path, StoreOptions)} for a daemon: the engine reports to {@code events},
     * every check and reload command's result goes to the observer made for the model, and
     * {@code execPid} gives the pid of the {@code --exec} child (empty without one) to
     * {@code reload signal: ...}.
     */
    static ScriptContext open(Path script, Path stateDir, StoreOptions storeOptions, EngineEvents events,
            Function<EngineModel, BiConsumer<CommandSpec, CommandResult>> commandObserver, Supplier<String> execPid) {
        EngineModel loaded = new DslLoader().load(script);
        EngineModel model = new EngineModel(loaded.script(), storeOptions.layer(loaded.store()), loaded.resources());
        MutableKeyValueStore store = Stores.open(model.store());
        CommandRunner runner = commandRunner(model.store(), stateDir)
                .observedBy(commandObserver.apply(model), Map.of(ResourceSpec.EXEC_PID, execPid));
        Syncer syncer = new Syncer(runner, PendingReloads.inDirectory(stateDir), Destinations.inStateDirectory(stateDir));
        return new ScriptContext(model, store, new Engine(model, store, new TemplateRenderer(), syncer, events), true);
    }

    /**
     * Check and reload commands, recorded in the state directory while they run, without the
     * variables that carried the store's secrets in their environment.
     */
    static CommandRunner commandRunner(StoreModel store, Path stateDir) {
        Set<String> secrets = new TreeSet<>(Set.of(StoreOptions.PASSWORD_ENV));
        if (store instanceof StoreModel.Etcd etcd && etcd.password().orElse(null) instanceof Secret.Env env) {
            secrets.add(env.variable());
        }
        return new CommandRunner().recordingIn(CommandJournal.inDirectory(stateDir)).withoutVariables(secrets);
    }

    /** Loads {@code script} and opens the store it declares, with no command-line options over it (tests, embedding). */
    public static ScriptContext open(Path script, Path stateDir) {
        return open(script, stateDir, new StoreOptions());
    }

    /** The script's model, with the command line's store settings layered in. */
    public EngineModel model() {
        return model;
    }

    /** The engine that renders and syncs the script's resources from {@link #store()}. */
    public Engine engine() {
        return engine;
    }

    /** The open store. */
    public MutableKeyValueStore store() {
        return store;
    }

    /** The same context, whose {@link #close()} leaves the store open: for commands run by the shell. */
    public ScriptContext borrowed() {
        return new ScriptContext(model, store, engine, false);
    }

    /**
     * The resources named, or all when {@code names} is empty.
     *
     * @throws UsageException naming an unknown resource and the known ones
     */
    public List<ResourceModel> select(List<String> names) {
        if (names.isEmpty()) {
            return model.resources();
        }
        return names.stream().map(n -> model.resource(n).orElseThrow(() -> new UsageException(
                "no resource '" + n + "' in " + model.script().getFileName() + "; it declares: "
                        + String.join(", ", model.resources().stream().map(ResourceModel::name).toList()))))
                .toList();
    }

    /** Closes the store, unless this is a {@link #borrowed()} view. */
    @Override
    public void close() {
        if (owner) {
            store.close();
        }
    }
}
