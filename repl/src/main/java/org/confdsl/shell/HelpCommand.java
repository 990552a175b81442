package org.confdsl.shell;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.confdsl.cli.ExitCodes;
import org.confdsl.cli.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code help [COMMAND]}: the command list, or one command's usage (the same text as {@code COMMAND --help}). */
@Command(name = "help", mixinStandardHelpOptions = true, description = "Lists the commands, or shows the usage of COMMAND.")
final class HelpCommand implements Callable<Integer> {

    private final Supplier<Map<String, CommandLine>> commands;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND")
    String command;

    HelpCommand(Supplier<Map<String, CommandLine>> commands) {
        this.commands = commands;
    }

    @Override
    public Integer call() {
        Map<String, CommandLine> commands = this.commands.get();
        PrintWriter out = spec.commandLine().getOut();
        if (command != null) {
            CommandLine sub = commands.get(command);
            if (sub == null) {
                throw new UsageException("no command '" + command + "'; 'help' lists them");
            }
            sub.usage(out, sub.getColorScheme());
            out.flush();
            return ExitCodes.OK;
        }
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        out.println("Commands (help COMMAND, or COMMAND --help, for more; Tab completes; Ctrl-C stops a command):");
        commands.forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) { // list each command once, not its aliases
                String[] description = sub.getCommandSpec().usageMessage().description();
                String first = description.length == 0 ? "" : description[0];
                int stop = first.indexOf(". ");
                out.printf("  %-" + width + "s  %s%n", name, stop > 0 ? first.substring(0, stop + 1) : first);
            }
        });
        out.printf("  %-" + width + "s  %s%n", "= EXPR", "The same as eval EXPR.");
        out.flush();
        return ExitCodes.OK;
    }
}
