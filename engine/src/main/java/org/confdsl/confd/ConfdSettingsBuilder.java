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
        t.string("confdir").ifPresent(v -> confdir = Path.of(v));
        t.string("backend").ifPresent(v -> backend = v);
        t.strings("nodes").ifPresent(v -> nodes = new ArrayList<>(v));
        t.strings("file").ifPresent(v -> files = new ArrayList<>(v.stream().map(Path::of).toList()));
        t.string("prefix").ifPresent(v -> prefix = Optional.of(v));
        t.integer("interval").ifPresent(v -> interval = Math.toIntExact(v));
        t.bool("watch").ifPresent(v -> watch = v);
        t.bool("noop").ifPresent(v -> noop = v);
        t.bool("sync-only").ifPresent(v -> syncOnly = v);
        t.string("log-level").ifPresent(v -> logLevel = v);
        t.string("client_cert").ifPresent(v -> clientCert = Optional.of(Path.of(v)));
        t.string("client_key").ifPresent(v -> clientKey = Optional.of(Path.of(v)));
        t.string("client_cakeys").ifPresent(v -> clientCaKeys = Optional.of(Path.of(v)));
        t.string("username").ifPresent(v -> username = Optional.of(v));
        t.string("password").ifPresent(v -> password = Optional.of(v));
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
