package org.confdsl.shell;

import java.util.List;
import java.util.concurrent.Callable;

import org.confdsl.cli.ExitCodes;
import org.confdsl.cli.OutcomePrinter;
import org.confdsl.cli.ScriptContext;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sync NAME...}: applies resources for real, as {@code run --once -r NAME} does. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Applies each resource NAME for real, as 'confdsl run --once' does: render, compare, check, swap, "
                + "reload. Prints one outcome line each.")
final class SyncCommand implements Callable<Integer> {

    private final Workspace workspace;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "RESOURCE")
    List<String> names;

    SyncCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() {
        ScriptContext context = workspace.script();
        OutcomePrinter printer = new OutcomePrinter(spec.commandLine().getOut(), spec.commandLine().getErr());
        List<SyncResult> results = context.engine().once(context.select(names), SyncOptions.DEFAULT, r -> {
            workspace.recordOutcome(r);
            printer.print(r);
        });
        return ExitCodes.of(results);
    }
}
