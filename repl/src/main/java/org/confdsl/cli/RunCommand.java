package org.confdsl.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.confdsl.model.ResourceModel;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code confdsl run SCRIPT [--once|--watch|--interval DUR]}: keeps the destinations in sync with the store. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Renders every resource of SCRIPT, checks, installs and reloads what changed.",
            "Default mode: --watch (re-render as keys change, until stopped)."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScriptOptions script;

    @Mixin
    StoreOptions storeOptions;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--once", description = "One pass, then exit with the outcome's code.")
        boolean once;

        @Option(names = "--watch", description = "Follow the store and apply changes as they happen (default).")
        boolean watch;

        @Option(names = "--interval", paramLabel = "DUR", converter = DurationConverter.class,
                description = "A full pass every DUR (e.g. 60s), like confd -interval.")
        Duration interval;
    }

    @Option(names = {"-r", "--resource"}, paramLabel = "NAME", split = ",",
            description = "Only these resources (repeat or separate with commas). Default: all.")
    List<String> resources = new ArrayList<>();

    @Option(names = {"-n", "--noop"}, description = "Show what would change as a diff; write nothing, run nothing.")
    boolean noop;

    @Option(names = "--sync-only", description = "Write destinations but run no check and no reload.")
    boolean syncOnly;

    @Option(names = "--keep-stage-file", description = "Leave each staged file beside its destination.")
    boolean keepStageFile;

    @Option(names = "--reconcile", paramLabel = "DUR", converter = DurationConverter.class, defaultValue = "10m",
            description = "In watch mode, a full pass every DUR to heal anything missed. Default: ${DEFAULT-VALUE}.")
    Duration reconcile;

    @Override
    public Integer call() throws InterruptedException {
        SyncOptions options = new SyncOptions(noop, syncOnly, keepStageFile);
        OutcomePrinter printer = new OutcomePrinter(spec.commandLine().getOut(), spec.commandLine().getErr());
        try (ScriptContext context = script.open(storeOptions)) {
            List<ResourceModel> selected = context.select(resources);
            if (mode.once) {
                List<SyncResult> results = context.engine().once(selected, options, printer::print);
                return ExitCodes.of(results);
            }
            if (!resources.isEmpty()) {
                throw new UsageException("--resource is for --once; --watch and --interval keep every resource of the script in sync");
            }
            if (mode.interval != null) {
                context.engine().interval(mode.interval, options, printer::print);
            } else {
                context.engine().watch(options, printer::print, reconcile);
            }
            return ExitCodes.OK;
        }
    }
}
