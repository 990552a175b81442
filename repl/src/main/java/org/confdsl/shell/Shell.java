package org.confdsl.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;

/**
 * The confdsl shell: a JLine line reader composed with the shell's completer, highlighter and
 * history, over a {@link Workspace}, on any {@link Terminal} (the system's, or one over streams
 * in tests). Ctrl-C interrupts the running command through the terminal's signal handler and
 * never ends the shell; nothing here calls {@code System.exit}.
 */
public final class Shell {

    private final Terminal terminal;
    private final Workspace workspace;
    private final ShellSettings settings;

    /** A shell on {@code terminal}; nothing runs until {@link #run()}. */
    public Shell(Terminal terminal, Workspace workspace, ShellSettings settings) {
        this.terminal = terminal;
        this.workspace = workspace;
        this.settings = settings;
    }

    /**
     * Reads and runs commands until {@code exit} or end of input.
     *
     * @return the shell's exit status (see {@link ShellSettings#interactive()})
     */
    public int run() {
        Style style = new Style(settings.colors());
        PrintWriter out = terminal.writer();
        ShellLoop[] loop = new ShellLoop[1];
        CommandDispatcher dispatcher = new CommandDispatcher(workspace, out, settings, style, code -> loop[0].exit(code));
        LineReader reader = reader(dispatcher, style);
        ForegroundJob job = new ForegroundJob();
        loop[0] = new ShellLoop(reader, dispatcher, job, settings.interactive() ? style.paint(Style.COMMAND, "confdsl> ") : "",
                settings.interactive());
        workspace.confirmer(question -> {
            try {
                return reader.readLine(question + " [y/N] ").strip().toLowerCase(Locale.ROOT).startsWith("y");
            } catch (UserInterruptException | EndOfFileException e) {
                return false;
            }
        });
        SignalHandler previous = terminal.handle(Signal.INT, signal -> job.interrupt());
        try {
            if (settings.interactive()) {
                greet(out);
            }
            return loop[0].run();
        } finally {
            terminal.handle(Signal.INT, previous);
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                settings.err().println("confdsl: history not saved: " + e.getMessage());
            }
            out.flush();
        }
    }

    private LineReader reader(CommandDispatcher dispatcher, Style style) {
        Map<String, Completer> byLabel = Map.of(
                "KEY", new KeyPathCompleter(workspace::store),
                "PREFIX", new KeyPathCompleter(workspace::store),
                "RESOURCE", new NameCompleter(workspace::resourceNames),
                "SCRIPT", new FilePathCompleter(),
                "COMMAND", new NameCompleter(() -> dispatcher.commands().keySet()));
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]); // backslashes in values are kept as typed
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("confdsl")
                .parser(parser)
                .history(new MaskingHistory())
                .completer(new CommandCompleter(dispatcher.commands(), byLabel))
                .highlighter(new InputHighlighter(() -> Set.copyOf(dispatcher.commands().keySet()), style))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' in a value is a '!'
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        Optional<Path> history = settings.history().filter(Shell::usable);
        if (history.isPresent()) {
            builder.variable(LineReader.HISTORY_FILE, history.get());
        } else {
            builder.variable(LineReader.DISABLE_HISTORY, !settings.interactive());
        }
        return builder.build();
    }

    private void greet(PrintWriter out) {
        String on = workspace.loaded().map(s -> s.model().script().getFileName() + " (store: " + s.store().describe() + ")")
                .orElseGet(() -> workspace.store().describe());
        out.println("confdsl shell on " + on + ". 'help' lists the commands, Tab completes, Ctrl-C stops a command, Ctrl-D leaves.");
        out.flush();
    }

    /** Whether the history file's directory exists or can be made; a read-only home just means no history. */
    private static boolean usable(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
