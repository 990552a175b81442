package org.confdsl.confd;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A confd run's settings after layering: confd's defaults, then {@code confd.toml}, then the
 * {@code CONFD_CLIENT_*} environment, then the command line ({@link ConfdSettingsBuilder}).
 *
 * @param confdir the directory holding {@code conf.d/} and {@code templates/}
 * @param backend {@code etcd} (etcd v3, as {@code etcdv3}), {@code etcdv3}, {@code file} or {@code env}
 * @param nodes the backend's nodes (etcd client URLs)
 * @param files the file backend's YAML files or directories
 * @param prefix a prefix that replaces each resource's own, if set
 * @param intervalSeconds seconds between passes in interval mode
 * @param watch watch mode
 * @param onetime one pass, then exit
 * @param noop show what would change, write nothing
 * @param syncOnly write files, run no check and no reload
 * @param keepStageFile keep each staged file
 * @param logLevel {@code debug}, {@code info}, {@code warn}, {@code error} (or logrus's other names)
 * @param clientCert the client certificate for etcd TLS
 * @param clientKey the client key for etcd TLS
 * @param clientCaKeys the CA certificates for etcd TLS
 * @param username the etcd user
 * @param password the etcd password
 */
public record ConfdSettings(
        Path confdir,
        String backend,
        List<String> nodes,
        List<Path> files,
        Optional<String> prefix,
        int intervalSeconds,
        boolean watch,
        boolean onetime,
        boolean noop,
        boolean syncOnly,
        boolean keepStageFile,
        String logLevel,
        Optional<Path> clientCert,
        Optional<Path> clientKey,
        Optional<Path> clientCaKeys,
        Optional<String> username,
        Optional<String> password) {

    public ConfdSettings {
        Objects.requireNonNull(confdir, "confdir");
        Objects.requireNonNull(backend, "backend");
        nodes = List.copyOf(nodes);
        files = List.copyOf(files);
    }

    /** The backends confdsl's confd mode reads. */
    public static final List<String> BACKENDS = List.of("etcd", "etcdv3", "file", "env");
}
