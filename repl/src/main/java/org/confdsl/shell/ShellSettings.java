package org.confdsl.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a shell behaves.
 *
 * @param interactive a person is typing: a prompt is shown, history is kept, {@code exit} gives 0;
 *     otherwise (commands from a pipe or file) no prompt, no history, and the shell ends with the
 *     code of the last command that failed
 * @param history the history file, if history is kept
 * @param colors whether output may contain ANSI colors (a real terminal, and {@code NO_COLOR} unset)
 * @param stacktrace whether errors also print their stack trace
 * @param err where error lines go (the terminal itself when interactive, else standard error)
 */
public record ShellSettings(boolean interactive, Optional<Path> history, boolean colors, boolean stacktrace, PrintWriter err) {

    public ShellSettings {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(err, "err");
    }
}
