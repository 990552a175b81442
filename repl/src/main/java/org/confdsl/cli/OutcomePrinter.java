package org.confdsl.cli;

import java.io.PrintWriter;

import org.confdsl.sync.SyncResult;

/**
 * Prints one line per resource outcome: {@code name OUTCOME dest (revision R)[: message]}; the
 * output of a failed command follows, indented, on the error stream; a dry run's diff follows
 * on the output stream. Key values never appear except inside a diff the user asked for.
 */
public final class OutcomePrinter {

    private final PrintWriter out;
    private final PrintWriter err;

    /** Outcome lines go to {@code out}, failures and command output to {@code err}. */
    public OutcomePrinter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Prints one result: its line, then a failed command's output or a dry run's diff. */
    public synchronized void print(SyncResult r) {
        String line = r.resource() + " " + r.outcome() + " " + r.dest() + " (revision " + r.revision() + ")"
                + (r.message().isEmpty() ? "" : ": " + r.message());
        (r.outcome().isFailure() ? err : out).println(line);
        if (!r.commandOutput().isBlank()) {
            r.commandOutput().lines().forEach(l -> err.println("    " + l));
        }
        r.diff().ifPresent(d -> out.print(d.endsWith("\n") ? d : d + "\n"));
        out.flush();
        err.flush();
    }
}
