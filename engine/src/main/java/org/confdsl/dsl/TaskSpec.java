package org.confdsl.dsl;

import groovy.lang.Closure;

import org.confdsl.dsl.internal.DslProblem;
import org.confdsl.model.TaskBody;
import org.confdsl.model.TaskModel;

/**
 * A task as declared: its name, line and code. The code does not run while the script loads;
 * {@link #build()} wraps it so that each run gets a fresh copy of the closure whose words
 * resolve to the steps first ({@link Closure#DELEGATE_FIRST}).
 */
public final class TaskSpec {

    final String name;
    final int line;
    private final int minArgs;
    private final int maxArgs;
    private final TaskBody body;

    TaskSpec(String name, int line, Closure<?> closure) {
        this.name = name;
        this.line = line;
        Class<?>[] types = closure.getParameterTypes();
        int n = types.length;
        boolean varargs = n > 0 && types[n - 1].isArray();
        // `{ ... }` has Groovy's implicit `it`: a task written so takes no argument or one.
        boolean implicit = n == 1 && types[0] == Object.class;
        this.minArgs = varargs ? n - 1 : implicit ? 0 : n;
        this.maxArgs = varargs ? Integer.MAX_VALUE : n;
        this.body = (steps, args) -> {
            Closure<?> c = (Closure<?>) closure.clone();
            c.setResolveStrategy(Closure.DELEGATE_FIRST);
            c.setDelegate(steps);
            if (varargs) {
                Object[] call = new Object[n];
                for (int i = 0; i < n - 1; i++) {
                    call[i] = args.get(i);
                }
                call[n - 1] = args.subList(n - 1, args.size()).toArray(new String[0]);
                c.call(call);
            } else {
                c.call(args.toArray());
            }
        };
    }

    TaskSpec(String name, int line, int minArgs, int maxArgs, TaskBody body) {
        this.name = name;
        this.line = line;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.body = body;
    }

    static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new DslProblem("task name '" + name + "' must be letters, digits, '.', '_' or '-', e.g. task('upgrade') { String host -> ... }");
        }
    }

    /** The immutable task. */
    TaskModel build() {
        return new TaskModel(name, line, minArgs, maxArgs, body);
    }
}
