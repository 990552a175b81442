package org.confdsl.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.confdsl.cli.ScriptContext;
import org.confdsl.store.MutableKeyValueStore;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Runs the shell's own loop on a dumb terminal built over streams: scripted input, captured
 * output (the terminal) and errors (the error writer), as {@code confdsl shell < commands.txt} does.
 */
final class ShellHarness implements AutoCloseable {

    /** What a finished shell left. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    final Workspace workspace;
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final StringWriter errors = new StringWriter();
    private Terminal terminal;
    private boolean interactive;
    private Optional<Path> history = Optional.empty();
    private boolean colors;

    private ShellHarness(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A shell on {@code script}, with its own store, as {@code confdsl shell SCRIPT}. */
    static ShellHarness onScript(Path script, Path stateDir) {
        Workspace w = new Workspace(p -> ScriptContext.open(p, stateDir), () -> {
            throw new AssertionError("no bare store in this test");
        });
        w.load(script);
        return new ShellHarness(w);
    }

    /** A shell on a store without a script, as {@code confdsl shell --file/--endpoints}. */
    static ShellHarness onStore(Supplier<MutableKeyValueStore> store, Path stateDir) {
        Workspace w = new Workspace(p -> ScriptContext.open(p, stateDir), store);
        w.openBare();
        return new ShellHarness(w);
    }

    ShellHarness interactive(Path historyFile) {
        this.interactive = true;
        this.history = Optional.of(historyFile);
        return this;
    }

    ShellHarness colors() {
        this.colors = true;
        return this;
    }

    /** Runs {@code lines} to the end of input and returns what the shell left. */
    Result run(String lines) {
        return start(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8))).await();
    }

    /** Starts the shell on {@code input} in the background; {@link Running#await()} waits for its end. */
    Running start(InputStream input) {
        try {
            terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, input, output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ShellSettings settings = new ShellSettings(interactive, history, colors, false, new PrintWriter(errors, true));
        Shell shell = new Shell(terminal, workspace, settings);
        return new Running(CompletableFuture.supplyAsync(shell::run));
    }

    /** Ctrl-C, as the terminal reports it. */
    void pressCtrlC() {
        terminal.raise(Terminal.Signal.INT);
    }

    String out() {
        return output.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errors.toString();
    }

    /** A shell started in the background. */
    final class Running {
        private final CompletableFuture<Integer> code;

        Running(CompletableFuture<Integer> code) {
            this.code = code;
        }

        Result await() {
            try {
                return new Result(code.get(60, TimeUnit.SECONDS), out(), err());
            } catch (Exception e) {
                throw new AssertionError("the shell did not finish in 60 s\n--- out\n" + out() + "--- err\n" + err(), e);
            }
        }

        boolean isDone() {
            return code.isDone();
        }
    }

    @Override
    public void close() throws IOException {
        workspace.close();
        if (terminal != null) {
            terminal.close();
        }
    }

    /** Copies an example of dsl-examples/ into {@code into}, without its output. */
    static Path example(String name, Path into) {
        Path from = Path.of("..", "dsl-examples", name).toAbsolutePath().normalize();
        Path to = into.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("out")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to.resolve(rel.toString()));
                } else {
                    Files.copy(p, to.resolve(rel.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
