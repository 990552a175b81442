package org.confdsl.task;

import java.util.Map;
import java.util.Set;

import org.confdsl.model.EngineModel;
import org.confdsl.store.MutableKeyValueStore;

/** What the steps of one task run share; {@code allowMissing}: hosts the operator lets be missing ({@code --allow-missing}). */
record TaskContext(EngineModel model, MutableKeyValueStore store, TaskListener listener, Map<String, String> env, Set<String> allowMissing) {

    String scriptName() {
        return model.script().getFileName().toString();
    }
}
