package org.confdsl.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one script declares: the store, the resources and the tasks, in declaration order.
 * Immutable; building it touched nothing outside the script.
 *
 * @param script the script file (absolute)
 * @param store where the keys live
 * @param resources the resources, names unique
 * @param tasks the tasks, names unique
 * @param hosts the script's inventory ({@code hosts 'web1', 'web2'}): hosts expected to serve every
 *     resource, whether or not their daemons ever registered; empty when the script names none
 */
public record EngineModel(Path script, StoreModel store, List<ResourceModel> resources, List<TaskModel> tasks, List<String> hosts) {

    public EngineModel {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(store, "store");
        resources = List.copyOf(resources);
        tasks = List.copyOf(tasks);
        hosts = List.copyOf(hosts);
    }

    /** A model without an inventory. */
    public EngineModel(Path script, StoreModel store, List<ResourceModel> resources, List<TaskModel> tasks) {
        this(script, store, resources, tasks, List.of());
    }

    /** A model without tasks. */
    public EngineModel(Path script, StoreModel store, List<ResourceModel> resources) {
        this(script, store, resources, List.of());
    }

    /** The same model with another store (the command line's store options win over the script's). */
    public EngineModel withStore(StoreModel other) {
        return new EngineModel(script, other, resources, tasks, hosts);
    }

    /** The resource of that name, if declared. */
    public Optional<ResourceModel> resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The task of that name, if declared. */
    public Optional<TaskModel> task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
