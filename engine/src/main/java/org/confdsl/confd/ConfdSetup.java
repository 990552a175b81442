package org.confdsl.confd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.confdsl.model.EngineModel;
import org.confdsl.model.Secret;
import org.confdsl.model.StoreModel;
import org.confdsl.store.EtcdStore;
import org.confdsl.store.KeyValueStore;

/**
 * A confd setup as confdsl runs it: the resources of a confd directory as a model (the same
 * records a DSL script produces), and the backend as a store. Reading touches no store.
 */
public final class ConfdSetup {

    /**
     * A loaded setup.
     *
     * @param model the resources (the model's script is the confd directory)
     * @param problems one message per template resource that could not be read, in confd's words
     * @param warnings what was read but deserves a change
     */
    public record Loaded(EngineModel model, List<String> problems, List<String> warnings) {
        public Loaded {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    private ConfdSetup() {
    }

    /** Reads {@code settings.confdir()}'s template resources into a model whose store is the settings' backend. */
    public static Loaded load(ConfdSettings settings) {
        ConfDir dir = new ConfDir(settings.confdir());
        ConfDir.Loaded loaded = dir.load(settings.prefix());
        return new Loaded(new EngineModel(dir.root(), storeModel(settings), loaded.resources()), loaded.problems(), loaded.warnings());
    }

    /** The backend as a store model, for messages and for etcd. */
    public static StoreModel storeModel(ConfdSettings settings) {
        return switch (settings.backend()) {
            case "file" -> new StoreModel.File(settings.files().get(0).toAbsolutePath());
            case "env" -> StoreModel.Memory.of(Map.of());
            default -> etcd(settings);
        };
    }

    /** The backend, opened: etcd (v3 API, for {@code etcd} and {@code etcdv3}), confd's file or env backend. */
    public static KeyValueStore open(ConfdSettings settings, Map<String, String> environment) {
        return switch (settings.backend()) {
            case "file" -> new ConfdFileStore(settings.files(), Duration.ofSeconds(1));
            case "env" -> new ConfdEnvStore(environment);
            default -> EtcdStore.open(etcd(settings));
        };
    }

    private static StoreModel.Etcd etcd(ConfdSettings settings) {
        boolean tls = settings.clientCert().isPresent() || settings.clientCaKeys().isPresent();
        List<String> endpoints = new ArrayList<>();
        for (String node : settings.nodes()) {
            endpoints.add(node.contains("://") ? node : (tls ? "https://" : "http://") + node);
        }
        if (endpoints.isEmpty()) {
            endpoints.add("http://127.0.0.1:2379");
        }
        return new StoreModel.Etcd(endpoints, settings.username(), settings.password().map(Secret::literal),
                settings.clientCaKeys(), settings.clientCert(), settings.clientKey(),
                StoreModel.Etcd.DEFAULT_TIMEOUT, StoreModel.Etcd.DEFAULT_TIMEOUT);
    }

}
