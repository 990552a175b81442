package org.confdsl.task;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import groovy.lang.GString;

import org.confdsl.dsl.internal.CommandDecl;
import org.confdsl.dsl.internal.DslProblem;
import org.confdsl.dsl.internal.ScriptLines;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.Durations;
import org.confdsl.model.KeyValue;
import org.confdsl.model.TaskSteps;
import org.confdsl.run.NotAppliedException;
import org.confdsl.store.StoreException;
import org.confdsl.sync.CommandResult;
import org.confdsl.sync.CommandRunner;

/**
 * The words of a task, done for real or, in a dry run, only reported: a dry run reads the store
 * (so the task's flow is the real one) but writes nothing, runs nothing and waits for nothing.
 * Every step is reported to the listener with its script line; a failure becomes a
 * {@link TaskFailedException} naming the step and the line.
 */
final class Steps implements TaskSteps {

    private static final Set<String> TIMEOUT_ONLY = Set.of("timeout");

    private final TaskContext ctx;
    private final boolean dryRun;
    private final KeyReads reads;
    private final Barriers barriers;
    private final Probes probes = new Probes();
    private final CommandRunner commands = new CommandRunner();
    private final Map<String, KeyValue> drained = new HashMap<>();
    private final Set<String> visible;

    Steps(TaskContext ctx, boolean dryRun) {
        this(ctx, dryRun, Set.of());
    }

    /** @param visible values a step line may show (the task's own arguments); every other interpolated value is masked */
    Steps(TaskContext ctx, boolean dryRun, Set<String> visible) {
        this.visible = Set.copyOf(visible);
        this.ctx = ctx;
        this.dryRun = dryRun;
        this.reads = new KeyReads(ctx.store());
        this.barriers = new Barriers(ctx);
    }

    // ---- reads: not steps, but their failures name the line too ----

    @Override public boolean exists(String key) { return read(() -> reads.exists(key)); }
    @Override public KeyValue get(String key) { return read(() -> reads.get(key)); }
    @Override public List<KeyValue> gets(String glob) { return read(() -> reads.gets(glob)); }
    @Override public List<String> getvs(String glob) { return read(() -> reads.getvs(glob)); }
    @Override public List<String> ls(String dir) { return read(() -> reads.ls(dir)); }
    @Override public List<String> lsdir(String dir) { return read(() -> reads.lsdir(dir)); }
    @Override public String getv(String key) { return read(() -> reads.get(key).value()); }
    @Override public String getv(String key, String defaultValue) { return read(() -> reads.getv(key, defaultValue)); }
    @Override public String getenv(String name) { return ctx.env().getOrDefault(name, ""); }

    @Override
    public String getenv(String name, String defaultValue) {
        String v = ctx.env().get(name);
        return v == null || v.isEmpty() ? defaultValue : v;
    }

    // ---- writes ----

    @Override
    public long put(String key, Object value) {
        return step("put " + key, () -> reads.revision(List.of(key)), () -> {
            long r = ctx.store().put(key, String.valueOf(value));
            barriers.wrote(key, r);
            return new Done<>(r, "revision " + r);
        });
    }

    @Override
    public long rm(String key) {
        return step("rm " + key, () -> reads.revision(List.of(key)), () -> {
            long r = ctx.store().delete(key);
            barriers.wrote(key, r);
            return new Done<>(r, "revision " + r);
        });
    }

    @Override public KeyValue drain(String key) { return drain(Map.of(), key); }
    @Override public KeyValue drain(KeyValue pair) { return drain(Map.of(), pair.key()); }
    @Override public KeyValue drain(Map<String, ?> options, KeyValue pair) { return drain(options, pair.key()); }

    @Override
    public KeyValue drain(Map<String, ?> options, String key) {
        // The dry run and the real run check the same thing before anything changes: every host that
        // serves the key's resources reports, so that "applied" can mean "applied everywhere".
        return step("drain " + key, () -> {
            KeyValue pair = remember(reads.get(key));
            say(checkServed(key));
            return pair;
        }, () -> {
            Duration timeout = new StepOptions("drain", options, TIMEOUT_ONLY).timeout();
            KeyValue pair = remember(reads.get(key));
            String excused = checkServed(key);
            say(excused);
            long revision = ctx.store().delete(key);
            barriers.wrote(key, revision);
            return new Done<>(pair, "removed at revision " + revision + "; "
                    + barriers.awaitAffected(key, revision, timeout, "it may still send traffic to " + key));
        });
    }

    @Override public long restore(KeyValue pair) { return restore(Map.of(), pair); }
    @Override public long restore(String key) { return restore(Map.of(), key); }

    @Override
    public long restore(Map<String, ?> options, String key) {
        KeyValue pair = drained.get(key);
        if (pair == null) {
            return read(() -> {
                throw new StepFailure("restore " + key + ": this task drained no such key; restore what drain returned, e.g. "
                        + "def b = drain '" + key + "' ... restore b");
            });
        }
        return restore(options, pair);
    }

    @Override
    public long restore(Map<String, ?> options, KeyValue pair) {
        return step("restore " + pair.key(), () -> reads.revision(List.of(pair.key())), () -> {
            Duration timeout = new StepOptions("restore", options, TIMEOUT_ONLY).timeout();
            long revision = ctx.store().put(pair.key(), pair.value());
            barriers.wrote(pair.key(), revision);
            return new Done<>(revision, "put back at revision " + revision + "; "
                    + barriers.awaitAffected(pair.key(), revision, timeout, "it may not send traffic to " + pair.key() + " yet"));
        });
    }

    // ---- barriers ----

    @Override public void awaitApplied(String resource, long revision) { awaitApplied(Map.of(), resource, revision); }
    @Override public void awaitApplied(String resource) { awaitApplied(Map.of(), resource); }

    @Override
    public void awaitApplied(Map<String, ?> options, String resource) {
        long revision = read(() -> barriers.newestChange(resource));
        awaitApplied(options, resource, revision);
    }

    @Override
    public void awaitApplied(Map<String, ?> options, String resource, long revision) {
        step("awaitApplied " + resource + " at revision " + revision, () -> null, () -> {
            Duration timeout = new StepOptions("awaitApplied", options, TIMEOUT_ONLY).timeout();
            return new Done<>(null, barriers.await(resource, revision, timeout,
                    "it may still run a config older than revision " + revision));
        });
    }

    // ---- commands and probes ----

    @Override public String sh(String command) { return sh(Map.of(), command); }
    @Override public String sh(List<String> argv) { return sh(Map.of(), argv); }
    @Override public String sh(Map<String, ?> options, List<String> argv) { return shell(options, argv); }
    @Override public String sh(Map<String, ?> options, String command) { return shell(options, command); }
    @Override public String sh(GString command) { return sh(Map.of(), command); }

    @Override
    public String sh(Map<String, ?> options, GString command) {
        InterpolatedCommand c = read(() -> {
            StepOptions o = new StepOptions("sh", options, Set.of("timeout", "shell"));
            return InterpolatedCommand.of(command, o.flag("shell"), o.timeout(), visible);
        });
        return run(c.spec(), c.env(), c.shown());
    }

    private String shell(Map<String, ?> options, Object command) {
        CommandSpec spec = read(() -> {
            try {
                return CommandDecl.of("sh", options, command, Set.of("timeout", "shell"))
                        .toSpec(new StepOptions("sh", Map.of(), Set.of()).timeout());
            } catch (DslProblem e) {
                throw new StepFailure(e.getMessage());
            }
        });
        return run(spec, Map.of(), spec);
    }

    private String run(CommandSpec spec, Map<String, String> env, CommandSpec shown) {
        return step("sh " + shown.display(), () -> "", () -> {
            CommandResult result = commands.run(spec, Map.of(), env);
            if (!result.succeeded()) {
                throw new StepFailure(result.describe("sh", shown), result.output());
            }
            return new Done<>(result.output(), "exit 0 in " + result.elapsed().toMillis() + " ms");
        });
    }

    @Override public void awaitHttp(String url) { awaitHttp(Map.of(), url); }
    @Override public void awaitTcp(String host, int port) { awaitTcp(Map.of(), host, port); }

    @Override
    public void awaitHttp(Map<String, ?> options, String url) {
        step("awaitHttp " + url, () -> null, () -> {
            StepOptions o = new StepOptions("awaitHttp", options, Set.of("timeout", "status"));
            int status = o.integer("status", 200);
            return new Done<>(null, "status " + status + " after " + probes.awaitHttp(url, status, o.timeout()).toMillis() + " ms");
        });
    }

    @Override
    public void awaitTcp(Map<String, ?> options, String host, int port) {
        step("awaitTcp " + host + ":" + port, () -> null, () -> {
            Duration timeout = new StepOptions("awaitTcp", options, TIMEOUT_ONLY).timeout();
            return new Done<>(null, "connected after " + probes.awaitTcp(host, port, timeout).toMillis() + " ms");
        });
    }

    @Override
    public void log(String message) {
        ctx.listener().log(line(), message);
    }

    @Override
    public void sleep(String duration) {
        Duration d = read(() -> {
            try {
                return Durations.parse(duration);
            } catch (IllegalArgumentException e) {
                throw new StepFailure("sleep: " + e.getMessage());
            }
        });
        sleep(d.toMillis());
    }

    @Override
    public void sleep(long millis) {
        step("sleep " + Durations.format(Duration.ofMillis(millis)), () -> null, () -> {
            TimeUnit.MILLISECONDS.sleep(millis);
            return new Done<>(null, "");
        });
    }

    // ---- machinery ----

    /** What a step returns and the line it reports. */
    record Done<T>(T value, String detail) {
    }

    /** An action that may be interrupted. */
    interface Action<T> {
        Done<T> run() throws Exception;
    }

    /** The drain's check that every host reports, failing with "nothing was changed". */
    private String checkServed(String key) {
        try {
            return barriers.checkServed(key);
        } catch (NotAppliedException e) {
            throw new StepFailure(e.getMessage() + "; nothing was changed");
        }
    }

    /** A line of the task's output about the step that runs now, e.g. what --allow-missing let through. */
    private void say(String note) {
        if (!note.isEmpty()) {
            ctx.listener().log(line(), note);
        }
    }

    private KeyValue remember(KeyValue pair) {
        drained.put(pair.key(), pair);
        return pair;
    }

    private <T> T step(String description, Callable<T> dryValue, Action<T> live) {
        int line = line();
        ctx.listener().stepStarted(line, description);
        try {
            if (dryRun) {
                T value = dryValue.call();
                ctx.listener().stepDone(line, description, "dry run: not done");
                return value;
            }
            Done<T> done = live.run();
            ctx.listener().stepDone(line, description, done.detail());
            return done.value();
        } catch (Exception e) {
            throw failure(line, description, e);
        }
    }

    private <T> T read(Callable<T> action) {
        try {
            return action.call();
        } catch (Exception e) {
            throw failure(line(), null, e);
        }
    }

    private RuntimeException failure(int line, String description, Exception e) {
        if (e instanceof TaskFailedException t) {
            return t;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new TaskInterrupted(line);
        }
        String why = e instanceof StepFailure || e instanceof StoreException || e instanceof NotAppliedException
                ? e.getMessage() : e.toString();
        String output = e instanceof StepFailure f ? f.output() : "";
        return new TaskFailedException(ctx.scriptName(), line, description == null ? why : description + ": " + why, output, e);
    }

    private int line() {
        return ScriptLines.current(ctx.scriptName());
    }
}
