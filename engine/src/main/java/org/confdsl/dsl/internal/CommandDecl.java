package org.confdsl.dsl.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.confdsl.model.CommandSpec;
import org.confdsl.model.Durations;

/**
 * A check or reload command as written in the script, before the resource's default timeout is
 * known. Parses the words' options ({@code shell:}, {@code timeout:}, {@code inPlace:}).
 */
public record CommandDecl(List<String> argv, boolean shell, Optional<Duration> timeout, boolean inPlace) {

    /**
     * Reads {@code word 'line', options...} or {@code word ['arg', ...], options...}.
     *
     * @param word the DSL word, for messages
     * @param allowed the option names this word takes
     */
    public static CommandDecl of(String word, Map<String, ?> options, Object command, Set<String> allowed) {
        for (String key : options.keySet()) {
            if (!allowed.contains(key)) {
                throw new DslProblem(word + " has no option '" + key + "'; it takes " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        boolean shell = flag(word, options, "shell");
        boolean inPlace = flag(word, options, "inPlace");
        Optional<Duration> timeout = Optional.ofNullable(options.get("timeout")).map(t -> parseTimeout(word, t));
        List<String> argv;
        if (command instanceof List<?> list) {
            if (shell) {
                throw new DslProblem(word + " with shell: true takes one command line string, not a list");
            }
            argv = list.stream().map(String::valueOf).toList();
        } else {
            String line = String.valueOf(command).trim();
            argv = shell ? List.of(line) : CommandWords.split(line);
        }
        if (argv.isEmpty() || argv.get(0).isBlank()) {
            throw new DslProblem(word + " needs a command, e.g. " + word + " 'nginx -s reload'");
        }
        return new CommandDecl(argv, shell, timeout, inPlace);
    }

    /** The command with {@code defaultTimeout} where the script gave none. */
    public CommandSpec toSpec(Duration defaultTimeout) {
        return new CommandSpec(argv, shell, timeout.orElse(defaultTimeout));
    }

    private static boolean flag(String word, Map<String, ?> options, String name) {
        Object v = options.get(name);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new DslProblem(word + " option " + name + ": takes true or false, not '" + v + "'");
    }

    private static Duration parseTimeout(String word, Object value) {
        try {
            if (value instanceof Duration d) {
                return d;
            }
            return Durations.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new DslProblem(word + " option timeout: " + e.getMessage());
        }
    }
}
