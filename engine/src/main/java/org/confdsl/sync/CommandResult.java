package org.confdsl.sync;

import java.time.Duration;
import java.util.Objects;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.Durations;

/**
 * What one run of a check or reload command did.
 *
 * <p>Exit codes follow the shell's conventions where the process never ran:
 * {@value #NOT_FOUND} when the executable does not exist, {@value #CANNOT_RUN} when it exists but
 * cannot be executed; {@code output} then holds the reason.
 *
 * @param exitCode the exit code, or -1 when the command timed out and was killed
 * @param timedOut whether the command ran past its timeout and its process tree was killed
 * @param output the combined stdout and stderr, at most the last {@link CommandRunner#OUTPUT_LIMIT} bytes
 * @param elapsed how long the command ran
 */
public record CommandResult(int exitCode, boolean timedOut, String output, Duration elapsed) {

    /** The exit code reported when the executable does not exist (as {@code sh} reports it). */
    public static final int NOT_FOUND = 127;

    /** The exit code reported when the executable exists but could not be started. */
    public static final int CANNOT_RUN = 126;

    public CommandResult {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Whether the command finished in time with exit code 0. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /**
     * One line for messages, e.g. {@code check 'nginx -t' exited 1} or
     * {@code reload 'x' timed out after 60s and was killed}; for a command that could not start,
     * the reason from {@link #output()}.
     *
     * @param role what the command is for ({@code check}, {@code reload})
     * @param spec the command that ran
     */
    public String describe(String role, CommandSpec spec) {
        String head = role + " '" + spec.display() + "'";
        if (timedOut) {
            return head + " timed out after " + Durations.format(spec.timeout()) + " and was killed";
        }
        if (exitCode == 0) {
            return head + " succeeded";
        }
        String line = head + " exited " + exitCode;
        if (exitCode == NOT_FOUND || exitCode == CANNOT_RUN) {
            String last = lastLine(output);
            return last.isEmpty() ? line : line + ": " + last;
        }
        return line;
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.lastIndexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(nl + 1).strip();
    }
}
