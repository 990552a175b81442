package org.confdsl.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.confdsl.model.ResourceModel;
import org.confdsl.sync.UnifiedDiff;
import org.confdsl.template.Rendered;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code confdsl render SCRIPT [RESOURCE...] [--diff]}: a dry run that writes nothing. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Prints what each resource would render from the store now, or the diff against its destination. Writes nothing.")
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScriptOptions script;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "1..*", paramLabel = "RESOURCE", description = "Resources to render. Default: all.")
    List<String> resources = new ArrayList<>();

    @Option(names = {"-d", "--diff"}, description = "Print a unified diff against the destination (\"in sync\" when equal).")
    boolean diff;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ScriptContext context = script.open(storeOptions)) {
            List<ResourceModel> selected = context.select(resources);
            for (ResourceModel resource : selected) {
                Rendered rendered = context.engine().render(resource);
                if (diff) {
                    String d = UnifiedDiff.ofDestination(resource.dest(), rendered.content());
                    out.print(d.isEmpty() ? resource.name() + ": in sync with " + resource.dest() + "\n" : d);
                } else {
                    if (selected.size() > 1) {
                        out.println("# ==> " + resource.name() + " (" + resource.dest() + ") <==");
                    }
                    out.print(new String(rendered.content(), StandardCharsets.UTF_8));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
