package org.confdsl.cli;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds picocli's command tree, whole or only as far as a command line needs it. picocli makes
 * a model of every command it is given (annotations read, options built, type converters
 * registered, per command), so the whole tree costs more at start-up than the JVM itself; a
 * command line that names a subcommand ({@code confdsl run x.groovy --once}) gets the root and
 * that one subcommand, with its own subcommands. Anything else (no subcommand, {@code --help},
 * an unknown or misspelt word) gets the whole tree, so that help lists every command and
 * picocli's "did you mean" suggestions are the same as before.
 */
final class CommandTree {

    private CommandTree() {
    }

    /** The root with every subcommand: for help, completion scripts and tests that walk the tree. */
    static CommandLine whole() {
        CommandLine root = new CommandLine(new ConfdslCommand());
        for (Class<?> sub : ConfdslCommand.SUBCOMMANDS) {
            root.addSubcommand(sub);
        }
        return root;
    }

    /** The root with only the subcommand {@code args} names, or {@link #whole()} when they name none. */
    static CommandLine forArgs(String[] args) {
        Optional<Class<?>> named = named(args);
        if (named.isEmpty()) {
            return whole();
        }
        CommandLine root = new CommandLine(new ConfdslCommand());
        root.addSubcommand(named.get());
        return root;
    }

    /**
     * The subcommand class named by the first argument, after any {@code --stacktrace}. Anything
     * else before it ({@code --help}, {@code --version}, an unknown option, an {@code @argfile})
     * is for the root, which then needs the whole tree.
     */
    static Optional<Class<?>> named(String[] args) {
        for (String arg : args) {
            if ("--stacktrace".equals(arg)) {
                continue;
            }
            if (arg.startsWith("-") || arg.startsWith("@")) {
                return Optional.empty();
            }
            for (Class<?> sub : ConfdslCommand.SUBCOMMANDS) {
                if (names(sub).contains(arg)) {
                    return Optional.of(sub);
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> names(Class<?> sub) {
        Command command = sub.getAnnotation(Command.class);
        if (command == null) {
            throw new IllegalStateException(sub.getName() + " is listed as a subcommand but has no @Command annotation");
        }
        return Stream.concat(Stream.of(command.name()), Stream.of(command.aliases())).toList();
    }
}
