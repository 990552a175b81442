package org.confdsl.dsl;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.confdsl.model.StoreModel;
import org.confdsl.model.TaskBody;
import org.confdsl.model.TaskSteps;

/**
 * The base class of every confdsl script: its top-level words are {@code store}, {@code file},
 * {@code etcd}, {@code memory}, {@code defaults}, {@code resource}, {@code hosts}, {@code confd} and {@code task}. Running a script only records what it
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

    /**
     * Where the keys live: {@code store file('keys.yaml')}, {@code store etcd('http://127.0.0.1:2379')}
     * or {@code store memory { ... }}. Default: {@code file('keys.yaml')}.
     */
    public void store(StoreModel store) {
        recorder().store(store);
    }

    /** A YAML or JSON key file, relative to the script; its nested maps become {@code /a/b} keys. */
    public StoreModel file(String path) {
        return new StoreModel.File(recorder().resolve(FileSettingsSpec.nonBlank("file", path)));
    }

    /**
     * An etcd cluster (v3 API) at {@code endpoints}, e.g. {@code etcd('http://127.0.0.1:2379', 'http://127.0.0.1:22379')}:
     * plain connections, no authentication, 5s timeouts. Endpoints are {@code http://} or
     * {@code https://} URLs with a host and a port. Nothing connects until the store is opened.
     */
    public StoreModel etcd(String... endpoints) {
        return etcd(List.of(endpoints), spec -> { });
    }

    /** {@link #etcd(String...)} with a list of endpoints: {@code etcd(['http://a:2379', 'http://b:2379'])}. */
    public StoreModel etcd(List<String> endpoints) {
        return etcd(endpoints, spec -> { });
    }

    /**
     * One etcd endpoint with settings: {@code etcd('https://127.0.0.1:2379') { user 'root'; password env: 'ETCD_PASSWORD'; ca 'ca.pem' }}.
     * See {@link EtcdSpec} for the words.
     */
    public StoreModel etcd(String endpoint,
            @DelegatesTo(value = EtcdSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        return etcd(List.of(endpoint), body);
    }

    /** {@link #etcd(String, Closure)} for Java callers. */
    public StoreModel etcd(String endpoint, Consumer<EtcdSpec> body) {
        return etcd(List.of(endpoint), body);
    }

    /** A cluster with settings: {@code etcd(['https://a:2379', 'https://b:2379']) { ca 'ca.pem' }}. */
    public StoreModel etcd(List<String> endpoints,
            @DelegatesTo(value = EtcdSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        return etcd(endpoints, spec -> ScriptRecorder.call(body, spec));
    }

    /** {@link #etcd(List, Closure)} for Java callers. */
    public StoreModel etcd(List<String> endpoints, Consumer<EtcdSpec> body) {
        EtcdSpec spec = new EtcdSpec(recorder()::resolve, recorder().scriptName());
        recorder().inBlock("etcd", spec, body);
        return spec.build(endpoints);
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

    /**
     * Declares the task {@code name}, run by {@code confdsl run SCRIPT name [ARGS...]}: the
     * closure's parameters take the arguments ({@code { String host -> ... }}, or
     * {@code { String... hosts -> ... }} for any number). Its words are those of {@link TaskSteps}:
     * store reads and writes, {@code drain}, {@code restore}, {@code awaitApplied}, {@code sh},
     * {@code awaitHttp}, {@code awaitTcp}, {@code log}. Nothing runs while the script loads.
     */
    public void task(String name,
            @DelegatesTo(value = TaskSteps.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        recorder().newTask(name, line -> new TaskSpec(name, line, body));
    }

    /** {@link #task(String, Closure)} for Java callers; the body takes any number of arguments. */
    public void task(String name, TaskBody body) {
        recorder().newTask(name, line -> new TaskSpec(name, line, 0, Integer.MAX_VALUE, body));
    }

    /**
     * Adds the template resources of a confd directory ({@code conf.d/*.toml} with Go templates
     * under {@code templates/}) to the script, rendered exactly as confd renders them, so a script
     * can add tasks and status to an existing confd setup: {@code confd '/etc/confd'}. The path is
     * relative to the script; each resource is named by its TOML file ({@code conf.d/cloud.toml} is
     * {@code cloud}).
     */
    public void confd(String dir) {
        recorder().confd(recorder().resolve(FileSettingsSpec.nonBlank("confd", dir)));
    }

    /** The script's own directory, which relative paths start from. */
    /**
     * The inventory: the hosts that serve every resource of this script, named as their daemons
     * run ({@code --host}), e.g. {@code hosts 'web1', 'web2'}. A task's {@code drain} refuses to
     * start while one of them is not reporting, even one whose daemon never registered. Optional;
     * without it the hosts whose daemons registered are expected.
     */
    public void hosts(String... names) {
        recorder().hosts(java.util.Arrays.asList(names));
    }

    /** {@link #hosts(String...)} with a list: {@code hosts(['web1', 'web2'])}. */
    public void hosts(List<String> names) {
        recorder().hosts(names);
    }

    public Path getScriptDir() {
        return recorder().scriptDir();
    }
}
