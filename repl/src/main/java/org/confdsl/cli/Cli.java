package org.confdsl.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Builds the {@code confdsl} command line with its writers: {@code main} and the tests both call this. */
public final class Cli {

    private Cli() {
    }

    /** The whole command tree, printing to {@code out} and {@code err}, with confdsl's error handling and exit codes. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configured(CommandTree.whole(), out, err);
    }

    /**
     * The command tree {@code args} need (the root and the one subcommand they name, or the whole
     * tree when they name none; see {@link CommandTree}), printing to {@code out} and {@code err}:
     * what {@code main} runs, as fast to build as the command allows.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        return configured(CommandTree.forArgs(args), out, err);
    }

    /** Runs {@code args} on {@link #commandLine(PrintWriter, PrintWriter, String...)}; the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err, args).execute(args);
    }

    private static CommandLine configured(CommandLine cl, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(Cli::handle);
        cl.setParameterExceptionHandler((e, args) -> {
            err.println("confdsl: " + e.getMessage());
            confdFlag(args).ifPresent(flag -> err.println("(" + flag + " is confd's flag: run a confd setup with 'confdsl confd "
                    + flag + " ...', see \"Coming from confd\" in the README)"));
            // "confdsl keys ls", "confdsl" for the root (getCommandName alone gave "confdsl confdsl")
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    private static final java.util.Set<String> CONFD_FLAGS = java.util.Set.of("-onetime", "-node", "-backend", "-confdir",
            "-config-file", "-prefix", "-interval", "-watch", "-log-level", "-sync-only", "-keep-stage-file", "-noop");

    /** A confd flag given to a command other than {@code confd}, e.g. {@code confdsl run x -node URL}. */
    private static java.util.Optional<String> confdFlag(String[] args) {
        if (args.length > 0 && "confd".equals(args[0])) {
            return java.util.Optional.empty();
        }
        for (String a : args) {
            String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (CONFD_FLAGS.contains(flag)) {
                return java.util.Optional.of(flag);
            }
        }
        return java.util.Optional.empty();
    }

    private static int handle(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        int code = ExitCodes.of(e);
        err.println("confdsl: " + ExitCodes.message(e));
        if (wantsStackTrace(parsed)) {
            e.printStackTrace(err);
        } else if (code == ExitCodes.INTERNAL) {
            err.println("(an internal error: rerun with --stacktrace and report it)");
        }
        err.flush();
        return code;
    }

    private static boolean wantsStackTrace(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }
}
