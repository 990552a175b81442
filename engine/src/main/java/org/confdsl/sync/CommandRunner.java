package org.confdsl.sync;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.confdsl.model.CommandSpec;
import org.confdsl.sync.internal.Executables;
import org.confdsl.sync.internal.ProcessTree;
import org.confdsl.sync.recovery.CommandJournal;

/**
 * Runs check and reload commands.
 *
 * <p>An argument list runs as it is, without a shell: an argument such as {@code a;b} or
 * {@code $HOME} reaches the process literally. Only a {@link CommandSpec#shell() shell} command
 * runs as {@code /bin/sh -c line}. Before the process starts, each placeholder {@code name} of
 * the map is replaced in every argument in both spellings, {@code {{.name}}} and
 * {@code ${name}}. Standard input is {@code /dev/null}; standard output and error are captured
 * together, keeping the last {@value #OUTPUT_LIMIT} bytes. A command that outlives its timeout
 * has its whole process tree terminated (descendants first), and killed forcibly after a short
 * grace period.
 *
 * <p>{@link #recordingIn With a command journal} (the program's), each command runs in a
 * process group of its own ({@code setsid}) and its pid and output file are recorded in the state
 * directory, so that a confdsl started after a crash can end what this one left running.
 * {@link #withoutVariables} keeps variables that carried secrets (the etcd password) out of the
 * commands' environment.
 *
 * <p>{@link #run} does not throw for a command that fails, times out or cannot start: the
 * {@link CommandResult} says so. Safe to use from several threads.
 */
public final class CommandRunner {

    /** How many bytes of output a result keeps (the end of the output). */
    public static final int OUTPUT_LIMIT = 8 * 1024;

    /** How long a terminated process tree gets to exit before it is killed forcibly. */
    public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(2);

    private static final String TRUNCATED = "[... output truncated ...]\n";

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Duration killGrace;
    private final BiConsumer<CommandSpec, CommandResult> observer;
    private final Map<String, Supplier<String>> programPlaceholders;
    private final CommandJournal journal;
    private final Set<String> hiddenVariables;

    /** A runner that gives timed-out commands {@link #DEFAULT_KILL_GRACE} to exit after SIGTERM. */
    public CommandRunner() {
        this(DEFAULT_KILL_GRACE);
    }


    /**
     * A runner with its own grace period between SIGTERM and SIGKILL for timed-out commands.
     *
     * @param killGrace how long a terminated process tree may take to exit, not negative
     */
    public CommandRunner(Duration killGrace) {
        this(killGrace, (spec, result) -> { });
    }

    /**
     * A runner that tells {@code observer} about every command it ran, with its result (exit
     * code, duration): how the program's metrics time checks and reloads without a metrics type
     * in the engine.
     */
    public CommandRunner(Duration killGrace, BiConsumer<CommandSpec, CommandResult> observer) {
        this(killGrace, observer, Map.of());
    }

    /**
     * As above, with placeholders of the program's own, added to each command's (e.g. the pid of
     * the {@code --exec} child for {@code reload signal: 'HUP'}), read when the command runs.
     */
    public CommandRunner(Duration killGrace, BiConsumer<CommandSpec, CommandResult> observer,
            Map<String, Supplier<String>> programPlaceholders) {
        this(killGrace, observer, programPlaceholders, CommandJournal.none(), Set.of());
    }

    private CommandRunner(Duration killGrace, BiConsumer<CommandSpec, CommandResult> observer,
            Map<String, Supplier<String>> programPlaceholders, CommandJournal journal, Set<String> hiddenVariables) {
        this.programPlaceholders = Map.copyOf(programPlaceholders);
        this.observer = Objects.requireNonNull(observer, "observer");
        this.killGrace = Objects.requireNonNull(killGrace, "killGrace");
        if (killGrace.isNegative()) {
            throw new IllegalArgumentException("kill grace must not be negative: " + killGrace);
        }
        this.journal = Objects.requireNonNull(journal, "journal");
        this.hiddenVariables = Set.copyOf(hiddenVariables);
    }

    /** This runner, recording each command in {@code journal} and running it in a process group of its own. */
    public CommandRunner recordingIn(CommandJournal journal) {
        return new CommandRunner(killGrace, observer, programPlaceholders, journal, hiddenVariables);
    }

    /**
     * This runner, telling {@code observer} about every command it ran and adding the program's own
     * {@code placeholders} (read when a command runs) to each command's.
     */
    public CommandRunner observedBy(BiConsumer<CommandSpec, CommandResult> observer,
            Map<String, Supplier<String>> placeholders) {
        return new CommandRunner(killGrace, observer, placeholders, journal, hiddenVariables);
    }

    /** This runner, with {@code variables} removed from every command's environment. */
    public CommandRunner withoutVariables(Collection<String> variables) {
        return new CommandRunner(killGrace, observer, programPlaceholders, journal, Set.copyOf(variables));
    }

    /** Where commands are recorded while they run. */
    public CommandJournal journal() {
        return journal;
    }

    /**
     * Runs {@code spec} to completion or timeout.
     *
     * @param spec the command
     * @param placeholders values for {@code {{.name}}} / {@code ${name}} in the arguments, e.g.
     *     {@code src} and {@code dest}
     * @return the exit code, output and duration; exit code {@value CommandResult#NOT_FOUND} with
     *     output {@code command 'x' not found} when the executable does not exist
     */
    public CommandResult run(CommandSpec spec, Map<String, String> placeholders) {
        return run(spec, placeholders, Map.of());
    }

    /**
     * {@link #run(CommandSpec, Map)} with {@code env} added to the command's environment, e.g. the
     * values a task's shell line refers to.
     */
    public CommandResult run(CommandSpec spec, Map<String, String> placeholders, Map<String, String> env) {
        Map<String, String> all = placeholders;
        if (!programPlaceholders.isEmpty()) {
            all = new java.util.HashMap<>(placeholders);
            for (Map.Entry<String, Supplier<String>> e : programPlaceholders.entrySet()) {
                all.putIfAbsent(e.getKey(), e.getValue().get());
            }
        }
        CommandResult result = execute(spec, all, env);
        observer.accept(spec, result);
        return result;
    }

    private CommandResult execute(CommandSpec spec, Map<String, String> placeholders, Map<String, String> env) {
        List<String> command = command(spec, placeholders);
        long start = System.nanoTime();
        Path out;
        try {
            // A file rather than a pipe: a background child that keeps the pipe open can never
            // block us, and the process never stalls on a full pipe buffer.
            out = journal.outputFile();
        } catch (IOException e) {
            return new CommandResult(CommandResult.CANNOT_RUN, false,
                    "cannot capture the output of '" + spec.display() + "': " + e.getMessage(), since(start));
        }
        try {
            boolean ownGroup = journal.records() && Files.isExecutable(SETSID);
            if (ownGroup) {
                // setsid cannot tell us "not found" as ProcessBuilder does; look first.
                String problem = Executables.problem(command.get(0));
                if (problem != null) {
                    return problem.equals(Executables.NOT_FOUND)
                            ? new CommandResult(CommandResult.NOT_FOUND, false, "command '" + command.get(0) + "' not found", since(start))
                            : new CommandResult(CommandResult.CANNOT_RUN, false, "cannot run '" + command.get(0) + "': " + problem, since(start));
                }
                command.add(0, SETSID.toString());
            }
            Process process;
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile());
                builder.environment().keySet().removeAll(hiddenVariables);
                builder.environment().putAll(env);
                process = builder.start();
            } catch (IOException e) {
                return notStarted(command.get(ownGroup ? 1 : 0), e, start);
            }
            journal.started(out, process.toHandle());
            return await(process, spec.timeout(), out, start);
        } finally {
            // a stray file is no reason to fail a reload; recovery removes it at the next start
            journal.finished(out);
        }
    }

    private CommandResult await(Process process, Duration timeout, Path out, long start) {
        try {
            if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return new CommandResult(process.exitValue(), false, tail(out), since(start));
            }
            ProcessTree.kill(process.toHandle(), killGrace);
            return new CommandResult(-1, true, tail(out), since(start));
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle(), killGrace);
            Thread.currentThread().interrupt();
            return new CommandResult(-1, false, tail(out) + "\n(interrupted: the command was killed)", since(start));
        }
    }

    static List<String> command(CommandSpec spec, Map<String, String> placeholders) {
        List<String> words = new ArrayList<>();
        if (spec.shell()) {
            words.add("/bin/sh");
            words.add("-c");
        }
        for (String arg : spec.argv()) {
            words.add(substitute(arg, placeholders));
        }
        return words;
    }

    static String substitute(String text, Map<String, String> placeholders) {
        String result = text;
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            result = result.replace("{{." + e.getKey() + "}}", e.getValue())
                    .replace("${" + e.getKey() + "}", e.getValue());
        }
        return result;
    }

    private static CommandResult notStarted(String executable, IOException e, long start) {
        String message = String.valueOf(e.getMessage());
        // ProcessBuilder reports errno only in the message text: "error=2, No such file or directory"
        if (message.contains("error=2,")) {
            return new CommandResult(CommandResult.NOT_FOUND, false,
                    "command '" + executable + "' not found", since(start));
        }
        String reason = message.contains("error=13,") ? "permission denied" : message;
        return new CommandResult(CommandResult.CANNOT_RUN, false,
                "cannot run '" + executable + "': " + reason, since(start));
    }

    private static String tail(Path out) {
        try (RandomAccessFile file = new RandomAccessFile(out.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - OUTPUT_LIMIT);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return from > 0 ? TRUNCATED + text : text;
        } catch (IOException e) {
            return "(output unavailable: " + e.getMessage() + ")";
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
