package org.confdsl.task;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import org.confdsl.dsl.internal.ScriptLines;
import org.confdsl.model.EngineModel;
import org.confdsl.model.TaskModel;
import org.confdsl.store.MutableKeyValueStore;

/**
 * Runs one task of a script against a store: {@code confdsl run SCRIPT TASK [ARGS...]}. Its waits
 * ({@code drain}, {@code restore}, {@code awaitApplied}) read the status the watch daemons
 * publish in the same store, so the task can run on any machine that reaches the store.
 */
public final class TaskRunner {

    private final EngineModel model;
    private final MutableKeyValueStore store;
    private final TaskListener listener;
    private final Map<String, String> env;
    private Set<String> allowMissing = Set.of();

    /**
     * @param env what {@code getenv} sees in the task, usually {@link System#getenv()}
     */
    public TaskRunner(EngineModel model, MutableKeyValueStore store, TaskListener listener, Map<String, String> env) {
        this.model = model;
        this.store = store;
        this.listener = listener;
        this.env = Map.copyOf(env);
    }

    /**
     * Lets these hosts be missing: a drain goes on without their confirmation and says so
     * ({@code --allow-missing HOST}). Default: none.
     *
     * @return this runner
     */
    public TaskRunner allowMissing(Set<String> hosts) {
        this.allowMissing = Set.copyOf(hosts);
        return this;
    }

    /**
     * Runs task {@code name} with {@code args}; with {@code dryRun}, reports each step it would
     * take and reads the store, but writes, runs and waits for nothing.
     *
     * @throws IllegalArgumentException for an unknown task or the wrong number of arguments (a usage error)
     * @throws TaskFailedException naming the failed step and its script line
     * @throws InterruptedException when the thread was interrupted during a step
     */
    public void run(String name, List<String> args, boolean dryRun) throws InterruptedException {
        TaskModel task = model.task(name).orElseThrow(() -> new IllegalArgumentException(
                "no task '" + name + "' in " + scriptName() + (model.tasks().isEmpty() ? "; it declares no task"
                        : "; it declares: " + model.tasks().stream().map(TaskModel::name).collect(Collectors.joining(", ")))));
        if (!task.accepts(args.size())) {
            throw new IllegalArgumentException("task '" + name + "' (" + scriptName() + ", line " + task.line() + ") takes "
                    + task.describeParameters() + ", not " + args.size());
        }
        Steps steps = new Steps(new TaskContext(model, store, listener, env, allowMissing), dryRun, java.util.Set.copyOf(args));
        try {
            task.body().run(steps, List.copyOf(args));
        } catch (TaskFailedException e) {
            throw e;
        } catch (TaskInterrupted e) {
            Thread.interrupted();
            throw new InterruptedException(e.getMessage());
        } catch (InterruptedException e) {
            throw e;
        } catch (MissingMethodException e) {
            throw new TaskFailedException(scriptName(), ScriptLines.of(e, scriptName()),
                    "unknown word '" + e.getMethod() + "' in task '" + name + "' (or wrong arguments); see the task words in the README",
                    "", e);
        } catch (MissingPropertyException e) {
            throw new TaskFailedException(scriptName(), ScriptLines.of(e, scriptName()),
                    "unknown name '" + e.getProperty() + "' in task '" + name + "'", "", e);
        } catch (Exception e) {
            throw new TaskFailedException(scriptName(), ScriptLines.of(e, scriptName()), "task '" + name + "' failed: " + e, "", e);
        }
    }

    private String scriptName() {
        return model.script().getFileName().toString();
    }
}
