package org.confdsl.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.confdsl.model.StoreModel;
import org.confdsl.shell.HistoryLocation;
import org.confdsl.shell.Shell;
import org.confdsl.shell.ShellSettings;
import org.confdsl.shell.ShellTerminal;
import org.confdsl.shell.Workspace;
import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.Stores;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code confdsl shell [SCRIPT]}: opens the interactive shell on a script's store (or on
 * {@code --endpoints}, or a key file). This class only chooses the store and the terminal; the
 * shell itself is {@link Shell}.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Opens an interactive shell on the store of SCRIPT (or of --endpoints, or of --file KEYFILE): "
                + "list, read, write and watch keys, render resources, see their diff, sync them, evaluate template functions.",
            "With commands on standard input (confdsl shell SCRIPT < commands.txt) it runs them and exits with the code "
                + "of the last command that failed, 0 when none did."})
final class ShellCommand implements Callable<Integer> {

    private static final String QUIET_LOGS = "org.slf4j.simpleLogger.log.org.confdsl";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCRIPT", description = "The confdsl script (.groovy).")
    Path script;

    @Option(names = "--file", paramLabel = "KEYFILE", description = "Without SCRIPT: use this YAML or JSON key file as the store.")
    Path file;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where pending reloads are remembered (as for run).")
    Path stateDir;

    @Option(names = "--history", paramLabel = "FILE",
            description = "The history file. Default: $XDG_STATE_HOME/confdsl/history, else ~/.local/state/confdsl/history.")
    Path history;

    @Option(names = "--no-history", description = "Keep no history file (lines are still recalled within the session).")
    boolean noHistory;

    @Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
        if (script != null && file != null) {
            throw new UsageException("SCRIPT and --file both name a store; give one");
        }
        if (file != null && !storeOptions.endpoints.isEmpty()) {
            throw new UsageException("--file and --endpoints both name a store; give one");
        }
        // The engine's info lines (a key file re-read, a resource applied) would break into the
        // prompt; the shell prints outcomes itself. Warnings still show.
        if (System.getProperty(QUIET_LOGS) == null) {
            System.setProperty(QUIET_LOGS, "warn");
        }
        Path states = ScriptOptions.stateDir(stateDir);
        Workspace workspace = new Workspace(path -> ScriptContext.open(path, states, storeOptions), this::bareStore);
        try (workspace) {
            if (script != null) {
                workspace.load(script);
            } else {
                workspace.openBare();
            }
            boolean stacktrace = ((ConfdslCommand) spec.root().userObject()).stacktrace;
            try (Terminal terminal = ShellTerminal.system()) {
                boolean interactive = ShellTerminal.isInteractive(terminal);
                ShellSettings settings = new ShellSettings(interactive,
                        interactive && !noHistory ? Optional.of(HistoryLocation.resolve(history, System::getenv)) : Optional.empty(),
                        ShellTerminal.colors(terminal, System::getenv), stacktrace,
                        interactive ? terminal.writer() : spec.commandLine().getErr());
                return new Shell(terminal, workspace, settings).run();
            }
        }
    }

    private MutableKeyValueStore bareStore() {
        Optional<StoreModel> base = Optional.ofNullable(file).map(f -> new StoreModel.File(f.toAbsolutePath().normalize()));
        StoreModel model = storeOptions.layer(base).orElseThrow(() -> new UsageException(
                "no store named; give SCRIPT, --endpoints URL or --file keys.yaml"));
        return Stores.open(model);
    }
}
