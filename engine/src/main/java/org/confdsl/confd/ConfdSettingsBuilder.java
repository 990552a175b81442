package org.confdsl.confd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confdsl.confd.internal.TomlFields;

/**
 * Layers a confd run's settings in named steps, ending in one {@link ConfdSettings}: confd's
 * defaults ({@code /etc/confd}, backend {@code etcd}, interval 600 s), then
 * {@link #configFile(Path) confd.toml} (a missing file is skipped, as confd skips it), then
 * {@link #environment(Map) CONFD_CLIENT_CAKEYS, CONFD_CLIENT_CERT, CONFD_CLIENT_KEY} for settings not
 * yet made, then the command line's flags (the setters; a flag given wins over the file).
 */
public final class ConfdSettingsBuilder {

    Path confdir = Path.of("/etc/confd");
    String backend = "etcd";
    List<String> nodes = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Optional<String> prefix = Optional.empty();
    int interval = 600;
    boolean watch;
    boolean onetime;
    boolean noop;
    boolean syncOnly;
    boolean keepStageFile;
    String logLevel = "info";
    Optional<Path> clientCert = Optional.empty();
    Optional<Path> clientKey = Optional.empty();
    Optional<Path> clientCaKeys = Optional.empty();
    Optional<String> username = Optional.empty();
    Optional<String> password = Optional.empty();

    /**
     * Reads {@code confd.toml}'s settings (confd's names: {@code confdir}, {@code backend}, {@code nodes},
     * {@code file}, {@code prefix}, {@code interval}, {@code watch}, {@code noop}, {@code sync-only},
     * {@code log-level}, {@code client_cert}, {@code client_key}, {@code client_cakeys}, {@code username},
     * {@code password}); other keys are ignored, a missing file is skipped.
     *
     * @throws ConfdException naming the file when it is not valid TOML or a value has the wrong type
     */
    public ConfdSettingsBuilder configFile(Path file) {
        if (!Files.exists(file)) {
            return this;
        }
        TomlFields t = TomlFields.parse(file);
        t.string("confdir").map(Path::of).ifPresent(this::confdir);
        t.string("backend").ifPresent(this::backend);
        t.strings("nodes").ifPresent(this::nodes);
        t.strings("file").map(v -> v.stream().map(Path::of).toList()).ifPresent(this::files);
        t.string("prefix").ifPresent(this::prefix);
        t.integer("interval").map(Math::toIntExact).ifPresent(this::interval);
        t.bool("watch").ifPresent(this::watch);
        t.bool("noop").ifPresent(this::noop);
        t.bool("sync-only").ifPresent(this::syncOnly);
        t.string("log-level").ifPresent(this::logLevel);
        t.string("client_cert").map(Path::of).ifPresent(this::clientCert);
        t.string("client_key").map(Path::of).ifPresent(this::clientKey);
        t.string("client_cakeys").map(Path::of).ifPresent(this::clientCaKeys);
        t.string("username").ifPresent(this::username);
        t.string("password").ifPresent(this::password);
        return this;
    }

    /** confd's {@code processEnv}: the TLS files from the environment when not set yet. */
    public ConfdSettingsBuilder environment(Map<String, String> env) {
        clientCaKeys = clientCaKeys.or(() -> nonEmpty(env.get("CONFD_CLIENT_CAKEYS")).map(Path::of));
        clientCert = clientCert.or(() -> nonEmpty(env.get("CONFD_CLIENT_CERT")).map(Path::of));
        clientKey = clientKey.or(() -> nonEmpty(env.get("CONFD_CLIENT_KEY")).map(Path::of));
        return this;
    }

    private static Optional<String> nonEmpty(String s) {
        return Optional.ofNullable(s).filter(v -> !v.isEmpty());
    }

    public ConfdSettingsBuilder confdir(Path v) {
        confdir = v;
        return this;
    }

    public ConfdSettingsBuilder backend(String v) {
        backend = v;
        return this;
    }

    /** {@code -node}: replaces the file's nodes with the flags' (each flag adds one). */
    public ConfdSettingsBuilder nodes(List<String> v) {
        nodes = new ArrayList<>(v);
        return this;
    }

    /** {@code -file}: replaces the file's files with the flags'. */
    public ConfdSettingsBuilder files(List<Path> v) {
        files = new ArrayList<>(v);
        return this;
    }

    public ConfdSettingsBuilder prefix(String v) {
        prefix = Optional.of(v);
        return this;
    }

    public ConfdSettingsBuilder interval(int seconds) {
        interval = seconds;
        return this;
    }

    public ConfdSettingsBuilder watch(boolean v) {
        watch = v;
        return this;
    }

    public ConfdSettingsBuilder onetime(boolean v) {
        onetime = v;
        return this;
    }

    public ConfdSettingsBuilder noop(boolean v) {
        noop = v;
        return this;
    }

    public ConfdSettingsBuilder syncOnly(boolean v) {
        syncOnly = v;
        return this;
    }

    public ConfdSettingsBuilder keepStageFile(boolean v) {
        keepStageFile = v;
        return this;
    }

    public ConfdSettingsBuilder logLevel(String v) {
        logLevel = v;
        return this;
    }

    public ConfdSettingsBuilder clientCert(Path v) {
        clientCert = Optional.of(v);
        return this;
    }

    public ConfdSettingsBuilder clientKey(Path v) {
        clientKey = Optional.of(v);
        return this;
    }

    public ConfdSettingsBuilder clientCaKeys(Path v) {
        clientCaKeys = Optional.of(v);
        return this;
    }

    public ConfdSettingsBuilder username(String v) {
        username = Optional.of(v);
        return this;
    }

    public ConfdSettingsBuilder password(String v) {
        password = Optional.of(v);
        return this;
    }

    /**
     * The settings, validated.
     *
     * @throws ConfdException for an unsupported backend (naming the supported ones), a file backend
     *     without files, or a non-positive interval
     */
    public ConfdSettings build() {
        if (!ConfdSettings.BACKENDS.contains(backend)) {
            throw new ConfdException("Invalid backend: " + backend + "; confdsl reads " + String.join(", ", ConfdSettings.BACKENDS)
                    + " (-backend etcd is etcd's v3 API, as confd's)");
        }
        if ("file".equals(backend) && files.isEmpty()) {
            throw new ConfdException("-backend file needs -file FILE (a YAML file or a directory of them)");
        }
        if (interval <= 0) {
            throw new ConfdException("-interval must be a positive number of seconds, not " + interval);
        }
        return new ConfdSettings(confdir, backend, nodes, files, prefix, interval, watch, onetime, noop, syncOnly,
                keepStageFile, logLevel, clientCert, clientKey, clientCaKeys, username, password);
    }
}
