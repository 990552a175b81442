package org.confdsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.confdsl.confd.ConfdException;
import org.confdsl.confd.ConfdSettings;
import org.confdsl.confd.ConfdSettingsBuilder;
import org.confdsl.confd.ConfdSetup;
import org.confdsl.run.Engine;
import org.confdsl.store.KeyValueStore;
import org.confdsl.store.StoreException;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code confdsl confd [confd flags]}: runs an existing confd setup unchanged, with confd's flags
 * as confd writes them (one dash, {@code -flag value} or {@code -flag=value}), confd's log phrases
 * and confd's exit codes (0, or 1 when any resource failed after every resource was processed),
 * through confdsl's own pipeline (fsynced stage, check, atomic swap, reload with a timeout).
 */
@Command(name = "confd", mixinStandardHelpOptions = false,
        description = {"Runs a confd setup (conf.d/*.toml, Go templates) with confd's flags, e.g.",
            "  confdsl confd -onetime -backend etcd -node http://127.0.0.1:2379",
            "Exit code: 0, or 1 when any resource failed (every resource is processed first)."})
final class ConfdCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-onetime", "--onetime"}, arity = "0..1", fallbackValue = "true", description = "run once and exit")
    Boolean onetime;

    @Option(names = {"-watch", "--watch"}, arity = "0..1", fallbackValue = "true", description = "enable watch support")
    Boolean watch;

    @Option(names = {"-interval", "--interval"}, paramLabel = "SECONDS", description = "backend polling interval (default 600)")
    Integer interval;

    @Option(names = {"-backend", "--backend"}, paramLabel = "NAME", description = "backend to use: etcd (v3 API), etcdv3, file, env (default etcd)")
    String backend;

    @Option(names = {"-node", "--node"}, paramLabel = "URL", description = "backend node (repeat for several)")
    List<String> nodes = new ArrayList<>();

    @Option(names = {"-file", "--file"}, paramLabel = "FILE", description = "YAML file or directory for -backend file (repeatable)")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-prefix", "--prefix"}, paramLabel = "PREFIX", description = "key path prefix (replaces each resource's)")
    String prefix;

    @Option(names = {"-confdir", "--confdir"}, paramLabel = "DIR", description = "confd conf directory (default /etc/confd)")
    Path confdir;

    @Option(names = {"-config-file", "--config-file"}, paramLabel = "FILE", description = "the confd config file (default /etc/confd/confd.toml)")
    Path configFile;

    @Option(names = {"-noop", "--noop"}, arity = "0..1", fallbackValue = "true", description = "only show pending changes")
    Boolean noop;

    @Option(names = {"-sync-only", "--sync-only"}, arity = "0..1", fallbackValue = "true", description = "sync without check_cmd and reload_cmd")
    Boolean syncOnly;

    @Option(names = {"-keep-stage-file", "--keep-stage-file"}, arity = "0..1", fallbackValue = "true", description = "keep staged files")
    Boolean keepStageFile;

    @Option(names = {"-log-level", "--log-level"}, paramLabel = "LEVEL", description = "debug, info, warn, error (default info)")
    String logLevel;

    @Option(names = {"-client-cert", "--client-cert"}, paramLabel = "FILE", description = "the client cert")
    Path clientCert;

    @Option(names = {"-client-key", "--client-key"}, paramLabel = "FILE", description = "the client key")
    Path clientKey;

    @Option(names = {"-client-ca-keys", "--client-ca-keys"}, paramLabel = "FILE", description = "client ca keys")
    Path clientCaKeys;

    @Option(names = {"-username", "--username"}, paramLabel = "NAME", description = "the username to authenticate as")
    String username;

    @Option(names = {"-password", "--password"}, paramLabel = "PASSWORD", description = "the password to authenticate with")
    String password;

    @Option(names = {"-version", "--version"}, arity = "0..1", fallbackValue = "true", description = "print version and exit")
    Boolean version;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "where pending reloads are remembered (confdsl's own; default as for run)")
    Path stateDir;

    /** The environment confd reads ({@code CONFD_CLIENT_*}, the env backend); tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Boolean.TRUE.equals(version)) {
            out.println(new ConfdslCommand.Version().getVersion()[0] + " (confd mode: confd 0.16 flags, conf.d and Go templates)");
            out.flush();
            return 0;
        }
        ConfdLog log;
        try {
            log = new ConfdLog(out, err, logLevel != null ? logLevel : "info");
        } catch (ConfdLog.ConfdFatal e) {
            new ConfdLog(out, err, "info").fatal(e.getMessage());
            return 1;
        }
        ConfdSettings settings;
        try {
            settings = settings();
        } catch (ConfdException e) {
            log.fatal(e.getMessage());
            return 1;
        }
        log.info("Starting confdsl in confd mode");
        log.info("Backend set to " + settings.backend());
        ConfdSetup.Loaded loaded;
        try {
            loaded = ConfdSetup.load(settings);
        } catch (ConfdException e) {
            log.warning(e.getMessage());
            return 0;
        }
        loaded.warnings().forEach(log::warning);
        loaded.problems().forEach(log::error);
        if (loaded.model().resources().isEmpty() && loaded.problems().isEmpty()) {
            log.warning("Found no templates in " + settings.confdir().resolve("conf.d"));
        }
        SyncOptions options = new SyncOptions(settings.noop(), settings.syncOnly(), settings.keepStageFile());
        Syncer syncer = new Syncer(new CommandRunner(), PendingReloads.inDirectory(ScriptOptions.stateDir(stateDir)));
        try (KeyValueStore store = ConfdSetup.open(settings, environment)) {
            log.info("Backend source(s) set to " + String.join(", ", sources(settings)));
            Engine engine = new Engine(loaded.model(), store, new TemplateRenderer(), syncer);
            if (settings.onetime()) {
                List<SyncResult> results = engine.once(options, log::outcome);
                boolean failed = !loaded.problems().isEmpty() || results.stream().anyMatch(r -> r.outcome().isFailure());
                return failed ? 1 : 0;
            }
            if (settings.watch()) {
                engine.watch(options, log::outcome, Duration.ofMinutes(10));
            } else {
                engine.interval(Duration.ofSeconds(settings.intervalSeconds()), options, log::outcome);
            }
            return 0;
        } catch (StoreException e) {
            log.error(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            log.info("Captured interrupt. Exiting...");
            return 0;
        }
    }

    /** The layers in confd's order: defaults, confd.toml, the environment, then each flag that was given. */
    private ConfdSettings settings() {
        ConfdSettingsBuilder b = new ConfdSettingsBuilder();
        b.configFile(configFile != null ? configFile : Path.of("/etc/confd/confd.toml")).environment(environment);
        given(confdir, b::confdir);
        given(backend, b::backend);
        given(nodes.isEmpty() ? null : nodes, b::nodes);
        given(files.isEmpty() ? null : files, b::files);
        given(prefix, b::prefix);
        given(interval, b::interval);
        given(watch, b::watch);
        given(onetime, b::onetime);
        given(noop, b::noop);
        given(syncOnly, b::syncOnly);
        given(keepStageFile, b::keepStageFile);
        given(logLevel, b::logLevel);
        given(clientCert, b::clientCert);
        given(clientKey, b::clientKey);
        given(clientCaKeys, b::clientCaKeys);
        given(username, b::username);
        given(password, b::password);
        return b.build();
    }

    /** A flag overrides the layers below it only when it was given on the command line. */
    private static <T> void given(T flag, Consumer<T> setter) {
        if (flag != null) {
            setter.accept(flag);
        }
    }

    private static List<String> sources(ConfdSettings settings) {
        if ("file".equals(settings.backend())) {
            return settings.files().stream().map(Path::toString).toList();
        }
        if ("env".equals(settings.backend())) {
            return List.of("environment");
        }
        return settings.nodes().isEmpty() ? List.of("http://127.0.0.1:2379") : settings.nodes();
    }
}
