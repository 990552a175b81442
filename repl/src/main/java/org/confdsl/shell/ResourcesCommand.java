package org.confdsl.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.confdsl.cli.ExitCodes;
import org.confdsl.model.ResourceModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resources}: a table of the loaded script's resources. */
@Command(name = "resources", mixinStandardHelpOptions = true,
        description = "Lists the loaded script's resources: name, destination, watched prefixes, and the last outcome of 'sync' in this shell.")
final class ResourcesCommand implements Callable<Integer> {

    private final Workspace workspace;

    @Spec
    CommandSpec spec;

    ResourcesCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "DEST", "PREFIXES", "LAST OUTCOME"});
        for (ResourceModel r : workspace.script().model().resources()) {
            rows.add(new String[] {r.name(), r.dest().toString(), String.join(",", r.watchedPrefixes()),
                workspace.lastOutcome(r.name()).map(o -> o.outcome() + " (revision " + o.revision() + ")").orElse("-")});
        }
        int[] widths = new int[4];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        for (String[] row : rows) {
            out.println(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s",
                    (Object[]) row).stripTrailing());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
