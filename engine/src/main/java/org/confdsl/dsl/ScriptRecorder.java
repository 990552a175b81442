package org.confdsl.dsl;

import groovy.lang.Closure;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.confdsl.dsl.internal.DslProblem;
import org.confdsl.dsl.internal.ScriptLines;
import org.confdsl.model.StoreModel;

/** What a running script has declared so far, and which block it is in (for messages). */
final class ScriptRecorder {

    private final Path script;
    private final String scriptName;
    private Optional<StoreModel> store = Optional.empty();
    private final DefaultsSpec defaults = new DefaultsSpec();
    private final List<ResourceSpec> resources = new ArrayList<>();
    private final List<TaskSpec> tasks = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();
    private int hostsLine;
    private final List<ConfdImport> confdImports = new ArrayList<>();
    private String block = "";
    private Object blockSpec;

    ScriptRecorder(Path script) {
        this.script = script;
        this.scriptName = script.getFileName().toString();
    }

    String scriptName() {
        return scriptName;
    }

    Path scriptDir() {
        Path dir = script.getParent();
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    Path resolve(String path) {
        return scriptDir().resolve(path).normalize();
    }

    void store(StoreModel model) {
        if (store.isPresent()) {
            throw new DslProblem("store is declared twice; keep one store line");
        }
        store = Optional.of(model);
    }

    Optional<StoreModel> store() {
        return store;
    }

    DefaultsSpec defaults() {
        return defaults;
    }

    List<ResourceSpec> resources() {
        return resources;
    }

    ResourceSpec newResource(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new DslProblem("resource name '" + name + "' must be letters, digits, '.', '_' or '-', e.g. resource('nginx')");
        }
        for (ResourceSpec r : resources) {
            if (r.name.equals(name)) {
                throw new DslProblem("resource '" + name + "' is declared twice (first at line " + r.line + "); give each resource its own name");
            }
        }
        ResourceSpec spec = new ResourceSpec(name, ScriptLines.current(scriptName));
        resources.add(spec);
        return spec;
    }

    /** The script's inventory: {@code hosts 'web1', 'web2'}, once, at the top level. */
    void hosts(List<String> names) {
        if (!block.isEmpty()) {
            throw new DslProblem("hosts cannot be declared inside " + block + "; declare the inventory once at the top level of the script");
        }
        if (hostsLine > 0) {
            throw new DslProblem("hosts is declared twice (first at line " + hostsLine + "); name every host in one hosts line");
        }
        if (names.isEmpty()) {
            throw new DslProblem("hosts names no host; write e.g. hosts 'web1', 'web2' (the names the daemons run with --host)");
        }
        for (String name : names) {
            if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                throw new DslProblem("host name '" + name + "' must be letters, digits, '.', '_' or '-' (the daemon's --host), e.g. hosts 'web1', 'web2'");
            }
            if (hosts.contains(name)) {
                throw new DslProblem("host '" + name + "' is named twice in hosts; name each host once");
            }
            hosts.add(name);
        }
        hostsLine = Math.max(1, ScriptLines.current(scriptName));
    }

    List<String> hosts() {
        return hosts;
    }

    /** A confd directory whose template resources join the script's, and the line that named it. */
    record ConfdImport(Path dir, int line) {
    }

    void confd(Path dir) {
        if (!block.isEmpty()) {
            throw new DslProblem("confd cannot be used inside " + block + "; write confd '/etc/confd' at the top level of the script");
        }
        confdImports.add(new ConfdImport(dir, ScriptLines.current(scriptName)));
    }

    List<ConfdImport> confdImports() {
        return confdImports;
    }

    List<TaskSpec> tasks() {
        return tasks;
    }

    void newTask(String name, java.util.function.IntFunction<TaskSpec> make) {
        if (!block.isEmpty()) {
            throw new DslProblem("task cannot be declared inside " + block + "; declare it at the top level of the script");
        }
        TaskSpec.checkName(name);
        for (TaskSpec t : tasks) {
            if (t.name.equals(name)) {
                throw new DslProblem("task '" + name + "' is declared twice (first at line " + t.line + "); give each task its own name");
            }
        }
        tasks.add(make.apply(ScriptLines.current(scriptName)));
    }

    <T> void inBlock(String name, T spec, Consumer<T> body) {
        if (!block.isEmpty()) {
            throw new DslProblem(name + " cannot be declared inside " + block + "; declare it at the top level of the script");
        }
        block = name;
        blockSpec = spec;
        try {
            body.accept(spec);
        } catch (MissingMethodException e) {
            throw new DslProblem(missingMethodMessage(e), ScriptLines.of(e, scriptName));
        } catch (MissingPropertyException e) {
            throw new DslProblem(propertyMessage(e.getProperty()), ScriptLines.of(e, scriptName));
        } finally {
            block = "";
            blockSpec = null;
        }
    }

    /** "unknown word 'x' in resource 'y'; the words here are: ..." */
    String unknownWordMessage(String word) {
        Class<?> words = blockSpec == null ? ConfdslScript.class : blockSpec.getClass();
        String where = block.isEmpty() ? "at the top level" : "in " + block;
        return "unknown word '" + word + "' " + where + "; the words here are: " + String.join(", ", wordsOf(words));
    }

    /** An unknown word, or a known word given arguments it does not take. */
    String missingMethodMessage(MissingMethodException e) {
        String word = e.getMethod();
        if (!wordsOf(blockSpec == null ? ConfdslScript.class : blockSpec.getClass()).contains(word)) {
            return unknownWordMessage(word);
        }
        Object[] args = e.getArguments();
        if (word.equals("etcd") && args.length > 2 && args[args.length - 1] instanceof Closure) {
            // Java varargs cannot precede a block, so a cluster with settings takes a list.
            return "several etcd endpoints with a block go in a list: etcd(['http://10.0.0.1:2379', 'http://10.0.0.2:2379']) { ... }";
        }
        String given = Arrays.stream(args)
                .map(a -> a == null ? "null" : a.getClass().getSimpleName())
                .collect(Collectors.joining(", "));
        return "'" + word + "' cannot take (" + given + ")" + (block.isEmpty() ? "" : " in " + block)
                + "; see the DSL reference in the README for its forms";
    }

    /** "'mkdirs' needs a value" for a bare known word, else the unknown-word message. */
    String propertyMessage(String word) {
        if (wordsOf(blockSpec == null ? ConfdslScript.class : blockSpec.getClass()).contains(word)) {
            return "'" + word + "' needs a value after it, e.g. " + word + " '...'";
        }
        return unknownWordMessage(word);
    }

    private static TreeSet<String> wordsOf(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        for (Class<?> c = type; c != null && c != Object.class && c != groovy.lang.Script.class; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                    .map(Method::getName)
                    .filter(n -> !n.startsWith("get") && !n.startsWith("set") && !n.equals("run"))
                    .forEach(names::add);
        }
        return names;
    }

    static void call(Closure<?> body, Object delegate) {
        Closure<?> c = (Closure<?>) body.clone();
        c.setResolveStrategy(Closure.DELEGATE_FIRST);
        c.setDelegate(delegate);
        c.call();
    }
}
