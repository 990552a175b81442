package org.confdsl.cli.ops;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.confdsl.cli.ScriptContext;
import org.confdsl.dsl.DslException;
import org.confdsl.model.Durations;
import org.confdsl.model.ResourceModel;
import org.confdsl.run.EngineEvents;
import org.confdsl.store.StoreException;
import org.confdsl.template.TemplateException;
import org.confdsl.template.TemplateRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watch or interval daemon as an operated service: the engine works on a thread of its own
 * while this class waits for signals. SIGHUP loads the script and its templates again and, when
 * they are good, stops the running engine between two resources and starts one on the new
 * definitions (a script with a mistake is logged with its (file, line) and the old definitions
 * keep running). SIGTERM and SIGINT stop it between two resources, waiting at most the grace
 * period for the one in progress, and {@link #run} returns 0. With an {@link ExecChild}, the
 * child starts once every resource has rendered, receives SIGTERM/SIGINT, and its exit ends the
 * daemon with its code.
 */
public final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    /** What the engine does with an open script until it is stopped: watch, or passes on an interval. */
    @FunctionalInterface
    public interface Work {
        /** Runs until interrupted or cancelled. */
        void run(ScriptContext context) throws InterruptedException;
    }

    private sealed interface Event permits Reload, Stop, Ended, ChildExited { }

    private record Reload() implements Event { }

    private record Stop(String signal) implements Event { }

    private record Ended(Throwable error) implements Event { }

    private record ChildExited(int code) implements Event { }

    private final Function<EngineEvents, ScriptContext> opener;
    private final Work work;
    private final EngineEvents events;
    private final Duration grace;
    private final String mode;
    private final Readiness readiness;
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();

    /**
     * @param opener loads the script and opens its store, with the engine reporting to the events given
     * @param work what the engine does (watch or interval)
     * @param events the program's listeners (outcome lines, metrics, readiness)
     * @param grace how long a stop or reload waits for the resource in progress
     * @param mode a few words for the start line, e.g. "watch, reconcile every 10m"
     * @param readiness told which resources the first script has; also listens among {@code events}
     */
    public Daemon(Function<EngineEvents, ScriptContext> opener, Work work, EngineEvents events, Duration grace, String mode,
            Readiness readiness) {
        this.opener = opener;
        this.work = work;
        this.events = events;
        this.readiness = readiness;
        this.grace = grace;
        this.mode = mode;
    }

    /**
     * Runs until SIGTERM/SIGINT (returns 0), the exec child's exit (returns its code), or an error
     * the engine cannot go on from (thrown).
     */
    public int run(ExecChild child) throws InterruptedException {
        if (!Signals.handle("HUP", () -> queue.offer(new Reload()))) {
            LOG.warn("SIGHUP was ignored when confdsl started (nohup does that), so it cannot reload the script: "
                    + "start it without nohup (systemd, or setsid) to reload by SIGHUP");
        }
        Signals.handle("TERM", () -> queue.offer(new Stop("SIGTERM")));
        if (!Signals.handle("INT", () -> queue.offer(new Stop("SIGINT")))) {
            LOG.debug("SIGINT was ignored when confdsl started (a background job of a shell); SIGTERM stops it");
        }
        Running running = start();
        LOG.atInfo().log("started: {}", describe(running.context, mode));
        if (child != null) {
            startChild(child);
        }
        while (true) {
            Event event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                // In-process callers (tests, embedding) stop a daemon by interrupting it.
                running.stop(Duration.ZERO);
                throw e;
            }
            if (event instanceof Reload) {
                running = reload(running);
            } else if (event instanceof Stop stop) {
                LOG.info("{}: stopping after the sync in progress (at most {})", stop.signal(), Durations.format(grace));
                if (child != null) {
                    child.signal(stop.signal().substring(3));
                }
                running.stop(grace);
                int code = child == null ? 0 : child.awaitExit(grace);
                LOG.info("stopped");
                return code;
            } else if (event instanceof ChildExited exited) {
                LOG.info("the exec child exited with {}; stopping", exited.code());
                running.stop(grace);
                LOG.info("stopped");
                return exited.code();
            } else if (event instanceof Ended ended) {
                running.context.close();
                if (ended.error() instanceof RuntimeException e) {
                    throw e;
                }
                throw new IllegalStateException(ended.error());
            }
        }
    }

    private void startChild(ExecChild child) {
        Thread starter = new Thread(() -> {
            try {
                readiness.awaitFirstPass();
                child.start();
                queue.offer(new ChildExited(child.awaitExit()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("{}", e.getMessage());
                queue.offer(new ChildExited(127));
            }
        }, "confdsl-exec");
        starter.setDaemon(true);
        starter.start();
    }

    private Running reload(Running running) throws InterruptedException {
        LOG.info("SIGHUP: loading {} and its templates again", running.context.model().script());
        ScriptContext next;
        StopGate gate = new StopGate();
        try {
            next = opener.apply(new FanOut(List.of(gate, events)));
            try {
                TemplateRenderer compiler = new TemplateRenderer();
                for (ResourceModel r : next.model().resources()) {
                    compiler.compile(r.template());
                }
            } catch (RuntimeException e) {
                next.close();
                throw e;
            }
        } catch (DslException | TemplateException | StoreException | IllegalArgumentException e) {
            LOG.error("reload failed, the running definitions stay: {}", e.getMessage());
            return running;
        }
        running.stop(grace);
        Running started = start(next, gate);
        LOG.info("reloaded: {}", describe(next, mode));
        return started;
    }

    private Running start() {
        StopGate gate = new StopGate();
        return start(opener.apply(new FanOut(List.of(gate, events))), gate);
    }

    private Running start(ScriptContext context, StopGate gate) {
        readiness.expect(context.model().resources().stream().map(ResourceModel::name).toList());
        Thread thread = new Thread(() -> {
            try {
                work.run(context);
                queue.offer(new Ended(new IllegalStateException("the engine stopped by itself")));
            } catch (CancellationException | InterruptedException stopped) {
                // a stop or a reload asked for this
            } catch (Throwable e) {
                queue.offer(new Ended(e));
            }
        }, "confdsl-engine");
        thread.start();
        return new Running(context, gate, thread);
    }

    private static String describe(ScriptContext context, String mode) {
        var model = context.model();
        return "script " + model.script() + ", store " + model.store().describe() + ", resources "
                + String.join(", ", model.resources().stream().map(ResourceModel::name).toList())
                + ", watching " + String.join(", ", model.resources().stream().flatMap(r -> r.watchedPrefixes().stream()).distinct().toList())
                + ", mode " + mode;
    }

    /** One engine at work on one loaded script. */
    private record Running(ScriptContext context, StopGate gate, Thread thread) {

        void stop(Duration grace) throws InterruptedException {
            if (!gate.close(grace)) {
                LOG.warn("the sync in progress did not finish within {}; interrupting it", Durations.format(grace));
            }
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(10));
            context.close();
        }
    }
}
