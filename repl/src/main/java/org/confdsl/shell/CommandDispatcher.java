package org.confdsl.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
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

    private final CommandLine root;
    private final PrintWriter err;
    private final Style style;
    private final boolean stacktrace;

    CommandDispatcher(Workspace workspace, PrintWriter out, ShellSettings settings, Style style, IntConsumer onExit) {
        this.err = settings.err();
        this.style = style;
        this.stacktrace = settings.stacktrace();
        root = new CommandLine(new ShellRoot());
        Map<String, CommandLine> shared = SharedCommands.create(workspace);
        shared.forEach(root::addSubcommand);
        root.addSubcommand("watch", new CommandLine(new WatchCommand(workspace, style)));
        root.addSubcommand("resources", new CommandLine(new ResourcesCommand(workspace)));
        root.addSubcommand("sync", new CommandLine(new SyncCommand(workspace)));
        root.addSubcommand("load", new CommandLine(new LoadCommand(workspace)));
        root.addSubcommand("reload", new CommandLine(new ReloadCommand(workspace)));
        root.addSubcommand("eval", new CommandLine(new EvalCommand(workspace)));
        root.addSubcommand("help", new CommandLine(new HelpCommand()));
        root.addSubcommand("exit", new CommandLine(new ExitCommand(onExit)));
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setExpandAtFiles(false); // a value may start with '@'
        root.setEndOfOptionsDelimiter("--");
        root.setColorScheme(Help.defaultColorScheme(style.enabled() ? Help.Ansi.ON : Help.Ansi.OFF));
        root.setOut(out);
        root.setErr(err);
        root.setUsageHelpWidth(100);
        root.setExecutionExceptionHandler((e, cl, parsed) -> report(e));
        root.setParameterExceptionHandler((e, args) -> {
            error(e.getMessage() + " (try 'help " + e.getCommandLine().getCommandName() + "')");
            return ExitCodes.USAGE;
        });
        // Set after setOut, which would undo it: diff output is colored line by line.
        shared.get("diff").setOut(new PrintWriter(new DiffColorWriter(out, style), true));
    }

    /** The command tree, for completion, highlighting and help. */
    CommandLine root() {
        return root;
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
        if (!root.getSubcommands().containsKey(args.get(0))) {
            error("unknown command '" + args.get(0) + "'; 'help' lists the commands");
            return ExitCodes.USAGE;
        }
        if (args.get(0).equals("eval") && args.size() > 2 && args.get(2).isEmpty()) {
            error("eval needs an expression, e.g. = getvs('/app/upstream/*')");
            return ExitCodes.USAGE;
        }
        return root.execute(args.toArray(String[]::new));
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
