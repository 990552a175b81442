package org.confdsl.cli.ops;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.confdsl.dsl.internal.CommandWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service a daemon runs in exec mode ({@code --exec 'nginx -g "daemon off;"'}): started once
 * every resource has rendered, with confdsl's standard streams; SIGTERM and SIGINT are passed on
 * to it; it is never restarted, and its exit code becomes confdsl's (128 + N for signal N, as a
 * shell reports it).
 */
public final class ExecChild {

    private static final Logger LOG = LoggerFactory.getLogger(ExecChild.class);

    private final List<String> argv;
    private volatile Process process;

    /** The command line, split as check and reload commands are (quotes group words, no shell). */
    public ExecChild(String line) {
        this.argv = CommandWords.split(line);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("--exec needs a command, e.g. --exec 'nginx -g \"daemon off;\"'");
        }
    }

    /** The command as an argument list. */
    public List<String> argv() {
        return argv;
    }

    void start() {
        try {
            process = new ProcessBuilder(argv).inheritIO().start();
            LOG.info("exec: started {} (pid {})", argv.get(0), process.pid());
        } catch (IOException e) {
            throw new IllegalStateException("--exec: cannot start " + argv.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** The child's pid, {@code -} before it started: {@code reload signal: 'HUP'} sends to it. */
    public String pid() {
        Process p = process;
        return p == null ? "-" : Long.toString(p.pid());
    }

    /** Sends {@code signal} (e.g. {@code TERM}, {@code HUP}) to the child, if it runs. */
    void signal(String signal) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        if ("TERM".equals(signal)) {
            p.destroy();
            return;
        }
        try {
            // Java sends only TERM and KILL itself; the shell's built-in kill sends the others.
            new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " \"$0\"", Long.toString(p.pid()))
                    .inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("exec: cannot send SIG{} to pid {}: {}", signal, p.pid(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the child exits; its code (128 + N when signal N ended it). */
    int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    /** Waits at most {@code grace} for the child, then kills it; its exit code (0 when it never started). */
    int awaitExit(Duration grace) throws InterruptedException {
        Process p = process;
        if (p == null) {
            return 0;
        }
        if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("exec: the child did not exit within {}; killing it", org.confdsl.model.Durations.format(grace));
            p.destroyForcibly();
            return p.waitFor();
        }
        return p.exitValue();
    }
}
