package org.confdsl.shell;

import java.nio.file.Path;
import java.util.function.Function;

/** Where the shell keeps its history: the user's state directory, as the XDG base directory spec says. */
public final class HistoryLocation {

    private HistoryLocation() {
    }

    /**
     * {@code explicit} when given; else {@code $XDG_STATE_HOME/confdsl/history}; else
     * {@code ~/.local/state/confdsl/history}. {@code env} reads the environment (tests pass a map).
     */
    public static Path resolve(Path explicit, Function<String, String> env) {
        if (explicit != null) {
            return explicit;
        }
        String xdg = env.apply("XDG_STATE_HOME");
        // The spec says a relative XDG path is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("confdsl").resolve("history");
    }
}
