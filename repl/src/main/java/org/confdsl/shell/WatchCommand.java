package org.confdsl.shell;

import java.util.concurrent.Callable;

import org.confdsl.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watch [PREFIX]}: streams changes until Ctrl-C. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Prints every change under PREFIX (default /) as it happens, until Ctrl-C, which returns to the prompt.")
final class WatchCommand implements Callable<Integer> {

    private final Workspace workspace;
    private final Style style;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PREFIX", defaultValue = "/")
    String prefix;

    WatchCommand(Workspace workspace, Style style) {
        this.workspace = workspace;
        this.style = style;
    }

    @Override
    public Integer call() {
        if (!prefix.startsWith("/")) {
            throw new org.confdsl.cli.UsageException("prefix '" + prefix + "' must start with '/', e.g. '/" + prefix + "'");
        }
        new ChangeStream(workspace.store(), spec.commandLine().getOut(), style).follow(prefix);
        return ExitCodes.OK;
    }
}
