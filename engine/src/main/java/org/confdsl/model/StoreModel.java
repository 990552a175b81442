package org.confdsl.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Where the keys live, as declared by the script's {@code store} word. */
public sealed interface StoreModel {

    /** A short description for messages, without secrets. */
    String describe();

    /**
     * A YAML or JSON file whose nested maps become {@code /a/b} keys; re-read when it changes.
     *
     * @param path the file (absolute)
     */
    record File(Path path) implements StoreModel {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "file " + path;
        }
    }

    /**
     * An etcd cluster (v3 API).
     *
     * @param endpoints client URLs, e.g. {@code http://127.0.0.1:2379}; several for a cluster
     * @param user the user for etcd authentication, if any
     * @param password the user's password, if any
     * @param caFile the CA certificate (PEM) that signed the servers' certificates, for https endpoints
     * @param certFile the client certificate (PEM), for mutual TLS
     * @param keyFile the client certificate's private key (PEM, PKCS#8), for mutual TLS
     * @param connectTimeout how long connecting may take before the store reports it unreachable
     * @param requestTimeout how long one read or write may take
     */
    record Etcd(
            List<String> endpoints,
            Optional<String> user,
            Optional<Secret> password,
            Optional<Path> caFile,
            Optional<Path> certFile,
            Optional<Path> keyFile,
            Duration connectTimeout,
            Duration requestTimeout) implements StoreModel {

        /** Connect and request timeouts when the script sets none. */
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

        public Etcd {
            endpoints = List.copyOf(endpoints);
            if (endpoints.isEmpty()) {
                throw new IllegalArgumentException("etcd needs at least one endpoint, e.g. http://127.0.0.1:2379");
            }
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(caFile, "caFile");
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
        }

        /** Plain endpoints, no authentication, default timeouts. */
        public static Etcd of(List<String> endpoints) {
            return new Etcd(endpoints, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
        }

        @Override
        public String describe() {
            return "etcd " + String.join(",", endpoints) + user.map(u -> " (user " + u + ")").orElse("");
        }
    }

    /**
     * Keys held in memory, seeded by the script.
     *
     * @param entries the initial keys and values
     */
    record Memory(SortedMap<String, String> entries) implements StoreModel {
        public Memory {
            entries = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        }

        public static Memory of(Map<String, String> entries) {
            return new Memory(new TreeMap<>(entries));
        }

        @Override
        public String describe() {
            return "memory (" + entries.size() + " keys)";
        }
    }
}
