package org.confdsl.shell;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.confdsl.cli.ExitCodes;

/**
 * Runs each command on a worker thread of its own, so that Ctrl-C ({@link #interrupt()}, called
 * from the terminal's signal handler) interrupts the command and never the shell's loop: a
 * command that ignores the interrupt still leaves the loop free to wait for it.
 */
final class ForegroundJob {

    private volatile Thread current;

    /** Runs {@code command} and returns its code; {@link ExitCodes#INTERRUPTED} if the loop itself is interrupted. */
    int run(IntSupplier command) {
        FutureTask<Integer> task = new FutureTask<>(command::getAsInt);
        Thread worker = new Thread(task, "confdsl-shell-command");
        worker.setDaemon(true);
        current = worker;
        worker.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            // The shell is being stopped (SIGTERM): stop the command too, give it a moment to finish its write.
            worker.interrupt();
            try {
                task.get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the code below says it all
            }
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        } catch (ExecutionException e) {
            // The dispatcher turns every exception into a code; this is a bug, reported as one.
            throw new IllegalStateException("command failed outside its error handler", e.getCause());
        } finally {
            current = null;
        }
    }

    /** Interrupts the running command, if any (Ctrl-C). */
    void interrupt() {
        Thread worker = current;
        if (worker != null) {
            worker.interrupt();
        }
    }
}
