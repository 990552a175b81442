package org.confdsl.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@code confdsl} program. The only place that calls {@code System.exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (ProgramVersion.onlyAsked(args)) {
            // Building picocli's command tree costs more than the JVM's own start: skip it here.
            System.out.println(ProgramVersion.line());
            System.exit(ExitCodes.OK);
        }
        // picocli would load the Groovy runtime just to print help when Groovy is on the class path.
        System.setProperty("picocli.disable.closures", "true");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Thread main = Thread.currentThread();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            stopping.set(true);
            // SIGTERM or Ctrl-C: let the running pass finish its swap rather than die mid-write.
            main.interrupt();
            try {
                main.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "confdsl-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        int code = Cli.execute(out, err, args);
        out.flush();
        err.flush();
        if (stopping.get() || !removeHook(stopper)) {
            // The JVM is already exiting (SIGTERM, Ctrl-C); System.exit here would wait on the hook forever.
            return;
        }
        System.exit(code);
    }

    private static boolean removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            return true;
        } catch (IllegalStateException alreadyShuttingDown) {
            return false;
        }
    }
}
