package org.confdsl.cli;

import java.io.PrintWriter;

import org.confdsl.task.TaskListener;

/**
 * Prints a task's steps as they happen: {@code line 12: drain /cloud/upstream/a}, then
 * {@code   ok: removed at revision 9; cloud applied by web1 in 85 ms}. Steps name keys, never values.
 */
final class TaskPrinter implements TaskListener {

    private final PrintWriter out;

    TaskPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void stepStarted(int line, String step) {
        out.println("line " + line + ": " + step);
        out.flush();
    }

    @Override
    public synchronized void stepDone(int line, String step, String detail) {
        out.println("  ok" + (detail.isEmpty() ? "" : ": " + detail));
        out.flush();
    }

    @Override
    public synchronized void log(int line, String message) {
        out.println("line " + line + ": " + message);
        out.flush();
    }
}
