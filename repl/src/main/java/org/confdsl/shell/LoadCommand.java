package org.confdsl.shell;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.confdsl.cli.ExitCodes;
import org.confdsl.cli.ScriptContext;
import org.confdsl.model.EngineModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code load SCRIPT}: makes another script (and its store) the shell's. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Loads SCRIPT with its templates and opens its store (the shell's store options still apply). "
                + "A mistake in it keeps the current script.")
final class LoadCommand implements Callable<Integer> {

    private final Workspace workspace;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCRIPT")
    Path script;

    LoadCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() {
        report(spec, workspace.load(script));
        return ExitCodes.OK;
    }

    /** One line saying what is loaded. */
    static void report(CommandSpec spec, ScriptContext context) {
        EngineModel model = context.model();
        int n = model.resources().size();
        spec.commandLine().getOut().printf("loaded %s: %d resource%s (%s), store: %s%n", model.script().getFileName(), n,
                n == 1 ? "" : "s", String.join(", ", model.resources().stream().map(r -> r.name()).toList()),
                context.store().describe());
        spec.commandLine().getOut().flush();
    }
}
