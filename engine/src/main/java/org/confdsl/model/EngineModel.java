package org.confdsl.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one script declares: the store and the resources, in declaration order.
 * Immutable; building it touched nothing outside the script.
 *
 * @param script the script file (absolute)
 * @param store where the keys live
 * @param resources the resources, names unique
 */
public record EngineModel(Path script, StoreModel store, List<ResourceModel> resources) {

    public EngineModel {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(store, "store");
        resources = List.copyOf(resources);
    }

    /** The resource of that name, if declared. */
    public Optional<ResourceModel> resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
