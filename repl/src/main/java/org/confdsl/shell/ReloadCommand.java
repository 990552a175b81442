package org.confdsl.shell;

import java.util.concurrent.Callable;

import org.confdsl.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reload}: re-reads the current script and its templates. */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = "Re-reads the current script and its templates after you edited them. A mistake keeps the previous version.")
final class ReloadCommand implements Callable<Integer> {

    private final Workspace workspace;

    @Spec
    CommandSpec spec;

    ReloadCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() {
        LoadCommand.report(spec, workspace.reload());
        return ExitCodes.OK;
    }
}
