package org.confdsl.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The root command: {@code confdsl [--stacktrace] COMMAND ...}. */
@Command(name = "confdsl",
        mixinStandardHelpOptions = true,
        versionProvider = ConfdslCommand.Version.class,
        description = "Renders configuration files from keys in a store, checks them, swaps them in atomically and reloads the service.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success (or in sync); a daemon stopped by SIGTERM/SIGINT",
            "  1  internal error (rerun with --stacktrace)",
            "  2  bad command line or script",
            "  3  a resource failed to render or be written",
            "  4  a check command rejected a candidate",
            "  5  a reload command failed (retried at the next run)",
            "  6  the store cannot be read or written (missing key file, unreachable etcd)",
            "  7  keys get: the key does not exist; hosts forget: the host is not registered",
            "  8  run SCRIPT TASK: a step of the task failed",
            "128+N  a short command ended by signal N (130 Ctrl-C, 143 SIGTERM)",
            "With run --exec: the child's exit code."})
final class ConfdslCommand implements Runnable {

    /**
     * The subcommands, in the order {@code --help} lists them. Not in the annotation: picocli
     * would build all of them at every start, and that costs more than the JVM's own start;
     * {@link CommandTree} adds only the one a command line names.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, RenderCommand.class, CheckCommand.class, KeysCommand.class,
            StatusCommand.class, HostsCommand.class, ShellCommand.class, CompletionCommand.class, ConfdCommand.class, ConvertCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean stacktrace;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ProgramVersion.line()};
        }
    }
}
