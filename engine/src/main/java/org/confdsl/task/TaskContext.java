package org.confdsl.task;

import java.util.Map;

import org.confdsl.model.EngineModel;
import org.confdsl.store.MutableKeyValueStore;

/** What the steps of one task run share. */
record TaskContext(EngineModel model, MutableKeyValueStore store, TaskListener listener, Map<String, String> env) {

    String scriptName() {
        return model.script().getFileName().toString();
    }
}
