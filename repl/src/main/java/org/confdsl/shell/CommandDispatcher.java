package org.confdsl.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.confdsl.cli.ExitCodes;
import org.confdsl.cli.SharedCommands;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * Turns one input line into one command and its exit code. The commands are picocli commands:
 * the ones shared with the command line ({@link SharedCommands}) and the shell's own. Every error
 * becomes one line on the error writer and a code from {@link ExitCodes}; the shell goes on.
 */
final class CommandDispatcher {

    private final Map<String, CommandLine> commands = new LinkedHashMap<>();
    private final PrintWriter err;
    private final Style style;
    private final boolean stacktrace;

    CommandDispatcher(Workspace workspace, PrintWriter out, ShellSettings settings, Style style, IntConsumer onExit) {
        this.err = settings.err();
        this.style = style;
        this.stacktrace = settings.stacktrace();
        // Separate command lines rather than subcommands of one root: usage then reads "ls ...", not "<root> ls ...".
        Map<String, CommandLine> shared = SharedCommands.create(workspace);
        commands.putAll(shared);
        commands.put("watch", new CommandLine(new WatchCommand(workspace, style)));
        commands.put("resources", new CommandLine(new ResourcesCommand(workspace)));
        commands.put("sync", new CommandLine(new SyncCommand(workspace)));
        commands.put("load", new CommandLine(new LoadCommand(workspace)));
        commands.put("reload", new CommandLine(new ReloadCommand(workspace)));
        commands.put("eval", new CommandLine(new EvalCommand(workspace)));
        commands.put("help", new CommandLine(new HelpCommand(() -> commands)));
        commands.put("exit", new CommandLine(new ExitCommand(onExit)));
        commands.put("quit", commands.get("exit"));
        Help.ColorScheme colors = Help.defaultColorScheme(style.enabled() ? Help.Ansi.ON : Help.Ansi.OFF);
        for (CommandLine cl : commands.values()) {
            cl.setCaseInsensitiveEnumValuesAllowed(true);
            cl.setExpandAtFiles(false); // a value may start with '@'
            cl.setColorScheme(colors);
            cl.setUsageHelpWidth(100);
            cl.setOut(out);
            cl.setErr(err);
            cl.setExecutionExceptionHandler((e, c, parsed) -> report(e));
            cl.setParameterExceptionHandler((e, args) -> {
                error(e.getMessage() + " (try 'help " + e.getCommandLine().getCommandName() + "')");
                return ExitCodes.USAGE;
            });
        }
        shared.get("diff").setOut(new PrintWriter(new DiffColorWriter(out, style), true));
    }

    /** The commands by name (with aliases), for completion, highlighting and help. */
    Map<String, CommandLine> commands() {
        return commands;
    }

    /**
     * Runs one line: {@code = EXPR} and {@code eval EXPR} take the rest of the line as it was
     * typed; anything else is split into words by the shell's parser ({@code words}).
     */
    int execute(String line, List<String> words) {
        String trimmed = line.strip();
        List<String> args;
        if (trimmed.startsWith("=")) {
            args = List.of("eval", "--", trimmed.substring(1).strip());
        } else if (!words.isEmpty() && words.get(0).equals("eval") && trimmed.length() > 4) {
            args = List.of("eval", "--", trimmed.substring(4).strip());
        } else {
            args = new ArrayList<>(words);
        }
        if (args.isEmpty() || args.get(0).isEmpty()) {
            return ExitCodes.OK;
        }
        CommandLine command = commands.get(args.get(0));
        if (command == null) {
            error("unknown command '" + args.get(0) + "'; 'help' lists the commands");
            return ExitCodes.USAGE;
        }
        if (args.get(0).equals("eval") && args.size() > 2 && args.get(2).isEmpty()) {
            error("eval needs an expression, e.g. = getvs('/app/upstream/*')");
            return ExitCodes.USAGE;
        }
        return command.execute(args.subList(1, args.size()).toArray(String[]::new));
    }

    private int report(Exception e) {
        int code = ExitCodes.of(e);
        error(ExitCodes.message(e));
        if (stacktrace) {
            e.printStackTrace(err);
        } else if (code == ExitCodes.INTERNAL) {
            error("(an internal error: start the shell with --stacktrace to see where, and report it)");
        }
        err.flush();
        return code;
    }

    private void error(String message) {
        err.println(style.paint(Style.ERROR, "error: " + message));
        err.flush();
    }
}
