package org.confdsl.dsl;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.confdsl.model.StoreModel;

/**
 * The base class of every confdsl script: its top-level words are {@code store}, {@code file},
 * {@code memory}, {@code defaults} and {@code resource}. Running a script only records what it
 * declares (see {@link DslLoader}); nothing is read, written or started.
 */
public abstract class ConfdslScript extends Script {

    private ScriptRecorder recorder;

    protected ConfdslScript() {
    }

    protected ConfdslScript(Binding binding) {
        super(binding);
    }

    /** Called by the loader before the script runs. */
    void attach(ScriptRecorder recorder) {
        this.recorder = recorder;
    }

    private ScriptRecorder recorder() {
        if (recorder == null) {
            throw new IllegalStateException("confdsl scripts are run by DslLoader");
        }
        return recorder;
    }

    /** Where the keys live: {@code store file('keys.yaml')} or {@code store memory { ... }}. Default: {@code file('keys.yaml')}. */
    public void store(StoreModel store) {
        recorder().store(store);
    }

    /** A YAML or JSON key file, relative to the script; its nested maps become {@code /a/b} keys. */
    public StoreModel file(String path) {
        return new StoreModel.File(recorder().resolve(FileSettingsSpec.nonBlank("file", path)));
    }

    /** An in-memory store holding {@code entries} (absolute keys to values). */
    public StoreModel memory(Map<String, ?> entries) {
        return new StoreModel.Memory(MemorySpec.checked(entries));
    }

    /** An in-memory store filled by {@code put '/key', 'value'} lines. */
    public StoreModel memory(@DelegatesTo(value = MemorySpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        return memory(spec -> ScriptRecorder.call(body, spec));
    }

    /** {@link #memory(Closure)} for Java callers. */
    public StoreModel memory(Consumer<MemorySpec> body) {
        MemorySpec spec = new MemorySpec();
        body.accept(spec);
        return new StoreModel.Memory(spec.entries);
    }

    /** Settings every resource takes unless it sets its own: mode, owner, group, timeout, mkdirs. */
    public void defaults(@DelegatesTo(value = DefaultsSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        defaults(spec -> ScriptRecorder.call(body, spec));
    }

    /** {@link #defaults(Closure)} for Java callers. */
    public void defaults(Consumer<DefaultsSpec> body) {
        recorder().inBlock("defaults", recorder().defaults(), body);
    }

    /** Declares the resource {@code name}: one file rendered from keys. */
    public void resource(String name,
            @DelegatesTo(value = ResourceSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        resource(name, spec -> ScriptRecorder.call(body, spec));
    }

    /** {@link #resource(String, Closure)} for Java callers. */
    public void resource(String name, Consumer<ResourceSpec> body) {
        ResourceSpec spec = recorder().newResource(name);
        recorder().inBlock("resource '" + name + "'", spec, body);
    }

    /** The script's own directory, which relative paths start from. */
    public Path getScriptDir() {
        return recorder().scriptDir();
    }
}
