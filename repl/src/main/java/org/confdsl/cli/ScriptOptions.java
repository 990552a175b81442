package org.confdsl.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every script command shares: the script, and where run state is kept. */
final class ScriptOptions {

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The confdsl script (.groovy).")
    Path script;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where pending reloads are remembered between runs. Default: $CONFDSL_STATE_DIR, "
                    + "else $XDG_STATE_HOME/confdsl, else ~/.local/state/confdsl.")
    Path stateDir;

    /** Set by {@link SharedCommands}: the shell's loaded script, used instead of {@link #script}. */
    CommandTarget target;

    Path stateDir() {
        return stateDir(stateDir);
    }

    /** {@code explicit} when given, else the default state directory the option's help describes. */
    static Path stateDir(Path given) {
        if (given != null) {
            return given;
        }
        String explicit = System.getenv("CONFDSL_STATE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("confdsl");
    }

    ScriptContext open(StoreOptions storeOptions) {
        if (target != null) {
            return target.script().borrowed();
        }
        return ScriptContext.open(script, stateDir(), storeOptions);
    }
}
