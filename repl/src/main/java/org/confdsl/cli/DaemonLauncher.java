package org.confdsl.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.confdsl.cli.ops.Daemon;
import org.confdsl.cli.ops.ExecChild;
import org.confdsl.cli.ops.FanOut;
import org.confdsl.cli.ops.MetricsServer;
import org.confdsl.cli.ops.OutcomeLines;
import org.confdsl.cli.ops.Readiness;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.Durations;
import org.confdsl.model.EngineModel;
import org.confdsl.run.EngineEvents;
import org.confdsl.run.StatusPublisher;
import org.confdsl.sync.CommandResult;
import org.confdsl.sync.SyncOptions;

/**
 * {@code confdsl run SCRIPT} in watch or interval mode: builds a {@link Daemon} from the
 * command's options (outcome lines with timestamps, status publishing, metrics when
 * {@code --metrics-addr} is given, the exec child) and runs it.
 */
final class DaemonLauncher {

    private final RunCommand run;
    private final SyncOptions options;

    DaemonLauncher(RunCommand run, SyncOptions options) {
        this.run = run;
        this.options = options;
    }

    int run() throws InterruptedException {
        OpsOptions ops = run.ops;
        ExecChild child = ops.exec == null ? null : execChild(ops.exec);
        Readiness readiness = new Readiness();
        List<EngineEvents> events = new ArrayList<>();
        events.add(new OutcomeLines(run.spec.commandLine().getOut(), run.spec.commandLine().getErr(), ops.logFormat, Clock.systemUTC()));
        events.add(readiness);
        MetricsServer metrics = ops.metricsAddr == null ? null : metrics(ops.metricsAddr, readiness);
        if (metrics != null) {
            events.add(metrics);
        }
        Function<EngineModel, BiConsumer<CommandSpec, CommandResult>> observer = metrics == null
                ? m -> (command, result) -> { }
                : metrics::commandObserver;
        Daemon daemon = new Daemon(
                e -> ScriptContext.open(run.script.script, run.script.stateDir(), run.storeOptions, e, observer,
                        () -> child == null ? "" : child.pid()),
                this::work, new FanOut(events), ops.stopGrace, mode(), readiness);
        try {
            return daemon.run(child);
        } finally {
            if (metrics != null) {
                metrics.close();
            }
        }
    }

    private void work(ScriptContext context) throws InterruptedException {
        Optional<StatusPublisher> status = run.publisher(context, options);
        try {
            if (run.mode.interval != null && !run.mode.watch) {
                context.engine().interval(run.mode.interval, options, r -> status.ifPresent(s -> s.accept(r)));
            } else {
                context.engine().watch(options, r -> status.ifPresent(s -> s.accept(r)), reconcile());
            }
        } finally {
            status.ifPresent(StatusPublisher::close);
        }
    }

    private java.time.Duration reconcile() {
        return run.mode.watch && run.mode.interval != null ? run.mode.interval : run.reconcile;
    }

    private String mode() {
        String what = run.mode.interval != null && !run.mode.watch ? "interval, a pass every " + Durations.format(run.mode.interval)
                : "watch, reconcile every " + Durations.format(reconcile());
        return what + (options.noop() ? ", noop" : "") + (options.syncOnly() ? ", sync-only" : "");
    }

    private static ExecChild execChild(String line) {
        try {
            return new ExecChild(line);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static MetricsServer metrics(String address, Readiness readiness) {
        try {
            return new MetricsServer(address, readiness);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--metrics-addr: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("--metrics-addr " + address + ": cannot listen there (" + e.getMessage() + "); choose another port");
        }
    }
}
