package org.confdsl.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A command the engine runs (a check or a reload), as declared in the script.
 *
 * <p>By default the command is an argument list run without a shell: {@code argv} is what the
 * process receives. With {@code shell} true, {@code argv} holds the one command line given to
 * {@code /bin/sh -c}. Placeholders {@code {{.src}}}, {@code ${src}}, {@code {{.dest}}} and
 * {@code ${dest}} are replaced in each argument before the process starts.
 *
 * @param argv the arguments, never empty
 * @param shell whether {@code argv} is one line for {@code /bin/sh -c}
 * @param timeout how long the command may run before its process tree is killed
 */
public record CommandSpec(List<String> argv, boolean shell, Duration timeout) {

    /** The timeout of a command that names none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public CommandSpec {
        argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
        Objects.requireNonNull(timeout, "timeout");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one word");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a command timeout must be positive, not " + timeout);
        }
    }

    /** The command as a person would type it, for messages: words with spaces or quotes are quoted. */
    public String display() {
        if (shell) {
            return argv.get(0);
        }
        StringBuilder line = new StringBuilder();
        for (String word : argv) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quoted(word));
        }
        return line.toString();
    }

    private static String quoted(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"' || c == '\\')) {
            return word;
        }
        if (word.indexOf('"') < 0 && word.indexOf('\\') < 0) {
            return '"' + word + '"';
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
