package org.confdsl.model;

import java.util.Objects;

/**
 * A procedure the script declares with {@code task('name') { args -> ... }}, run by
 * {@code confdsl run SCRIPT TASK [ARGS...]}.
 *
 * @param name the task's name, unique in the script
 * @param line the script line of the declaration
 * @param minArgs how many arguments it needs at least
 * @param maxArgs how many it takes at most ({@link Integer#MAX_VALUE} for a {@code String...} parameter)
 * @param body the code
 */
public record TaskModel(String name, int line, int minArgs, int maxArgs, TaskBody body) {

    public TaskModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        if (minArgs < 0 || maxArgs < minArgs) {
            throw new IllegalArgumentException("bad argument range " + minArgs + ".." + maxArgs);
        }
    }

    /** Whether {@code count} arguments fit the task's parameters. */
    public boolean accepts(int count) {
        return count >= minArgs && count <= maxArgs;
    }

    /** "no arguments", "1 argument", "at least 1 argument", "0 or 1 argument", for messages. */
    public String describeParameters() {
        if (maxArgs == Integer.MAX_VALUE) {
            return minArgs == 0 ? "any number of arguments" : "at least " + plural(minArgs);
        }
        if (minArgs == maxArgs) {
            return minArgs == 0 ? "no arguments" : plural(minArgs);
        }
        return minArgs + " to " + plural(maxArgs);
    }

    private static String plural(int n) {
        return n + (n == 1 ? " argument" : " arguments");
    }
}
