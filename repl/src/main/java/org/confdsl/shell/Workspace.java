package org.confdsl.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.confdsl.cli.CommandTarget;
import org.confdsl.cli.ScriptContext;
import org.confdsl.cli.UsageException;
import org.confdsl.model.ResourceModel;
import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.sync.SyncResult;

/**
 * What the shell works on: the loaded script (if any) with its open store, or a bare store, and
 * the last sync outcome of each resource. {@code load} and {@code reload} replace the script only
 * once the new one has loaded and its store opened, so a mistake keeps the shell on the old one.
 */
public final class Workspace implements CommandTarget, AutoCloseable {

    private final Function<Path, ScriptContext> loader;
    private final Supplier<MutableKeyValueStore> bareStore;
    private final Map<String, SyncResult> lastOutcomes = new ConcurrentHashMap<>();
    private volatile ScriptContext script;
    private volatile MutableKeyValueStore bare;
    private volatile Predicate<String> confirmer = question -> false;

    /**
     * @param loader loads a script and opens its store (with the command line's store options layered in)
     * @param bareStore opens the store named without a script ({@code --file}, {@code --endpoints})
     */
    public Workspace(Function<Path, ScriptContext> loader, Supplier<MutableKeyValueStore> bareStore) {
        this.loader = loader;
        this.bareStore = bareStore;
    }

    /**
     * Loads {@code path} and makes it the current script; the previous one is closed.
     *
     * @throws org.confdsl.dsl.DslException for a script mistake, leaving the current script in place
     */
    public ScriptContext load(Path path) {
        ScriptContext loaded = loader.apply(path);
        ScriptContext old = script;
        MutableKeyValueStore oldBare = bare;
        script = loaded;
        bare = null;
        lastOutcomes.keySet().retainAll(loaded.model().resources().stream().map(ResourceModel::name).toList());
        if (old != null) {
            old.close();
        }
        if (oldBare != null) {
            oldBare.close();
        }
        return loaded;
    }

    /** Re-reads the current script and its templates. */
    public ScriptContext reload() {
        return load(script().model().script());
    }

    /** Opens the store named without a script; the shell starts this way when given no SCRIPT. */
    public void openBare() {
        bare = bareStore.get();
    }

    @Override
    public MutableKeyValueStore store() {
        ScriptContext s = script;
        if (s != null) {
            return s.store();
        }
        MutableKeyValueStore b = bare;
        if (b == null) {
            throw new UsageException("no store is open; load SCRIPT");
        }
        return b;
    }

    @Override
    public ScriptContext script() {
        ScriptContext s = script;
        if (s == null) {
            throw new UsageException("no script is loaded; load one with 'load SCRIPT'");
        }
        return s;
    }

    /** The loaded script, if any. */
    public Optional<ScriptContext> loaded() {
        return Optional.ofNullable(script);
    }

    /** The names of the loaded script's resources; empty without a script. */
    public List<String> resourceNames() {
        ScriptContext s = script;
        return s == null ? List.of() : s.model().resources().stream().map(ResourceModel::name).toList();
    }

    /** Remembers {@code result} as its resource's last outcome. */
    public void recordOutcome(SyncResult result) {
        lastOutcomes.put(result.resource(), result);
    }

    /** The last outcome of {@code resource} in this session, if it was synced. */
    public Optional<SyncResult> lastOutcome(String resource) {
        return Optional.ofNullable(lastOutcomes.get(resource));
    }

    /** Who answers {@link #confirm} questions: the shell's line reader. */
    void confirmer(Predicate<String> confirmer) {
        this.confirmer = confirmer;
    }

    @Override
    public boolean confirm(String question) {
        return confirmer.test(question);
    }

    @Override
    public void close() {
        if (script != null) {
            script.close();
        }
        if (bare != null) {
            bare.close();
        }
    }
}
