package org.confdsl.shell;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.confdsl.cli.ExitCodes;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.SyntaxError;
import org.jline.reader.UserInterruptException;

/**
 * Reads a line, runs it as a foreground job, and again, until {@code exit} or end of input. The
 * loop owns the exit status: the code asked for with {@code exit CODE}; else 0 for a person at a
 * terminal; else (commands from a file or pipe) the code of the last command that failed.
 */
final class ShellLoop {

    /** {@link #exit} not asked for. */
    static final int NOT_EXITING = Integer.MIN_VALUE;

    private final LineReader reader;
    private final CommandDispatcher dispatcher;
    private final ForegroundJob job;
    private final String prompt;
    private final boolean interactive;
    private final AtomicInteger exit = new AtomicInteger(NOT_EXITING);

    ShellLoop(LineReader reader, CommandDispatcher dispatcher, ForegroundJob job, String prompt, boolean interactive) {
        this.reader = reader;
        this.dispatcher = dispatcher;
        this.job = job;
        this.prompt = prompt;
        this.interactive = interactive;
    }

    /** Called by {@code exit}: leave after this command, with {@code code} (negative: the default status). */
    void exit(int code) {
        exit.set(code);
    }

    /** Runs until {@code exit} or end of input; returns the shell's exit status. */
    int run() {
        int lastFailure = ExitCodes.OK;
        while (exit.get() == NOT_EXITING && !Thread.currentThread().isInterrupted()) {
            String line;
            try {
                line = reader.readLine(prompt);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt drops the line, as in bash
            } catch (EndOfFileException e) {
                break;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> words;
            try {
                words = reader.getParser().parse(trimmed, trimmed.length(), ParseContext.ACCEPT_LINE).words();
            } catch (SyntaxError e) {
                words = List.of(trimmed.split("\\s+"));
            }
            List<String> args = words;
            int code = job.run(() -> dispatcher.execute(trimmed, args));
            if (code != ExitCodes.OK) {
                lastFailure = code;
            }
        }
        int asked = exit.get();
        if (asked != NOT_EXITING && asked >= 0) {
            return asked;
        }
        return interactive ? ExitCodes.OK : lastFailure;
    }
}
