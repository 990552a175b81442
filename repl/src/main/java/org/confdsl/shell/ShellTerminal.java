package org.confdsl.shell;

import java.io.IOException;
import java.util.function.Function;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;

/** Opens the process's terminal and says what it can do. */
public final class ShellTerminal {

    private ShellTerminal() {
    }

    /**
     * The system terminal; a dumb one when standard input or output is not a terminal (pipes, CI),
     * without JLine's warning about it.
     */
    public static Terminal system() throws IOException {
        return TerminalBuilder.builder().name("confdsl").system(true).dumb(true).build();
    }

    /** Whether a person is at {@code terminal}: it is a real terminal, not a dumb one over pipes. */
    public static boolean isInteractive(Terminal terminal) {
        return !isDumb(terminal);
    }

    /**
     * Whether colors may be written: a terminal that knows at least 8 colors and no
     * {@code NO_COLOR} in the environment (no-color.org: any non-empty value).
     */
    public static boolean colors(Terminal terminal, Function<String, String> env) {
        String noColor = env.apply("NO_COLOR");
        if (noColor != null && !noColor.isEmpty() || isDumb(terminal)) {
            return false;
        }
        Integer colors = terminal.getNumericCapability(Capability.max_colors);
        return colors != null && colors >= 8;
    }

    private static boolean isDumb(Terminal terminal) {
        return terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }
}
