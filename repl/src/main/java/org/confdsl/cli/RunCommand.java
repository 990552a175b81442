package org.confdsl.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.confdsl.dsl.DslLoader;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.model.StoreModel;
import org.confdsl.run.HostRegistry;
import org.confdsl.run.StatusEntry;
import org.confdsl.run.HostGrants;
import org.confdsl.run.StatusPublisher;
import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.Stores;
import org.confdsl.task.TaskFailedException;
import org.confdsl.task.TaskRunner;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code confdsl run SCRIPT [--once|--watch|--interval DUR]}: keeps the destinations in sync with
 * the store, publishing what it applied (watch and interval modes, etcd); or
 * {@code confdsl run SCRIPT TASK [ARGS...] [--dry-run]}: runs one of the script's tasks.
 */
@Command(name = "run", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
        description = {"Renders every resource of SCRIPT, checks, installs and reloads what changed.",
            "Default mode: --watch (re-render as keys change, until stopped).",
            "With TASK: runs that task of SCRIPT with ARGS (after '--' when one starts with '-')."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScriptOptions script;

    @Mixin
    StoreOptions storeOptions;

    // Not exclusive: --watch --interval DUR is watch mode with a full pass every DUR.
    @ArgGroup(exclusive = false)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--once", description = "One pass, then exit with the outcome's code.")
        boolean once;

        @Option(names = "--watch", description = "Follow the store and apply changes as they happen (default).")
        boolean watch;

        @Option(names = "--interval", paramLabel = "DUR", converter = DurationConverter.class,
                description = "A full pass every DUR (e.g. 60s), like confd -interval. With --watch: watch, and reconcile every DUR.")
        Duration interval;
    }

    @Option(names = {"-r", "--resource"}, paramLabel = "NAME", split = ",",
            description = "Only these resources (repeat or separate with commas). Default: all.")
    List<String> resources = new ArrayList<>();

    @Option(names = {"-n", "--noop"}, description = "Show what would change as a diff; write nothing, run nothing.")
    boolean noop;

    @Option(names = "--sync-only", description = "Write destinations but run no check and no reload.")
    boolean syncOnly;

    @Option(names = "--keep-stage-file", description = "Leave each staged file beside its destination.")
    boolean keepStageFile;

    @Option(names = "--reconcile", paramLabel = "DUR", converter = DurationConverter.class, defaultValue = "10m",
            description = "In watch mode, a full pass every DUR to heal anything missed. Default: ${DEFAULT-VALUE}.")
    Duration reconcile;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "TASK [ARGS]",
            description = "A task of SCRIPT and its arguments.")
    List<String> task = new ArrayList<>();

    @Option(names = "--dry-run", description = "With TASK: print each step it would take; read the store, change nothing.")
    boolean dryRun;

    @Option(names = "--host", paramLabel = "NAME",
            description = "The name this daemon publishes its status under (/confdsl/status/NAME/RESOURCE). Default: the host name.")
    String host;

    @Option(names = "--status-ttl", paramLabel = "DUR", converter = DurationConverter.class, defaultValue = "10s",
            description = "How long a daemon's status outlives it when it dies. Default: ${DEFAULT-VALUE}.")
    Duration statusTtl;

    @Option(names = "--no-status", description = "Publish no status (tasks on other machines then cannot wait for this daemon).")
    boolean noStatus;

    @Option(names = "--allow-missing", paramLabel = "HOST",
            description = "With TASK: go on although HOST (registered or in the script's hosts) does not report; its service is not"
                    + " confirmed and may still use the old config. Repeatable.")
    List<String> allowMissing = new ArrayList<>();

    /** What {@code getenv} sees in a task; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Mixin
    OpsOptions ops;

    @Override
    public Integer call() throws InterruptedException {
        ops.applyLogging();
        if (!task.isEmpty()) {
            if (mode.once || mode.watch || mode.interval != null || noop || syncOnly || !resources.isEmpty()) {
                throw new UsageException("a task runs on its own: --once, --watch, --interval, --noop, --sync-only and -r are for keeping files in sync");
            }
            return runTask();
        }
        if (!allowMissing.isEmpty()) {
            throw new UsageException("--allow-missing is for a task (confdsl run SCRIPT TASK --allow-missing HOST)");
        }
        if (dryRun) {
            throw new UsageException("--dry-run is for a task (confdsl run SCRIPT TASK --dry-run); for resources use --noop");
        }
        if (mode.once && (mode.watch || mode.interval != null)) {
            throw new UsageException("--once is one pass; it does not go with --watch or --interval");
        }
        SyncOptions options = new SyncOptions(noop, syncOnly, keepStageFile);
        if (!mode.once) {
            if (!resources.isEmpty()) {
                throw new UsageException("--resource is for --once; --watch and --interval keep every resource of the script in sync");
            }
            return new DaemonLauncher(this, options).run();
        }
        OutcomePrinter printer = new OutcomePrinter(spec.commandLine().getOut(), spec.commandLine().getErr());
        try (ScriptContext context = script.open(storeOptions)) {
            List<ResourceModel> selected = context.select(resources);
            List<SyncResult> results = context.engine().once(selected, options, printer::print);
            return ExitCodes.of(results);
        }
    }

    /** A daemon that applies (not --noop, not --sync-only) publishes its status when its store holds leases. */
    Optional<StatusPublisher> publisher(ScriptContext context, SyncOptions options) {
        if (noStatus || options.noop() || options.syncOnly()
                || !(context.engine().store() instanceof MutableKeyValueStore store) || !(context.model().store() instanceof StoreModel.Etcd
                        || context.model().store() instanceof StoreModel.Memory)) {
            return Optional.empty();
        }
        String name = host != null ? host : localHostName();
        try {
            StatusEntry.checkHost(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--host: " + e.getMessage());
        }
        Optional<String> etcdUser = context.model().store() instanceof StoreModel.Etcd etcd ? etcd.user() : Optional.empty();
        // Says at start, naming the user and the ranges to grant, when this user may not write this host's keys.
        HostGrants.check(store, name, etcdUser);
        String user = etcdUser.orElse("");
        // Membership, not liveness: registered once, without a lease, the host stays expected after its daemon dies.
        new HostRegistry(store).register(name, context.model().resources().stream().map(ResourceModel::name).toList(),
                context.model().script().getFileName().toString(), user);
        return Optional.of(new StatusPublisher(store, name, statusTtl, user));
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private int runTask() throws InterruptedException {
        EngineModel loaded = new DslLoader().load(script.script);
        EngineModel model = loaded.withStore(storeOptions.layer(loaded.store()));
        PrintWriter err = spec.commandLine().getErr();
        try (MutableKeyValueStore store = Stores.open(model.store())) {
            new TaskRunner(model, store, new TaskPrinter(spec.commandLine().getOut()), environment)
                    .allowMissing(java.util.Set.copyOf(allowMissing))
                    .run(task.get(0), task.subList(1, task.size()), dryRun);
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (TaskFailedException e) {
            err.println("confdsl: " + e.getMessage());
            e.output().lines().forEach(l -> err.println("    " + l));
            err.flush();
            return ExitCodes.TASK_FAILED;
        }
    }
}
