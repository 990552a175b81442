package org.confdsl.store;

import org.confdsl.model.StoreModel;

/** Opens the store a script declared. */
public final class Stores {

    private Stores() {
    }

    /**
     * A {@link FileStore} for {@link StoreModel.File}, an {@link EtcdStore} for
     * {@link StoreModel.Etcd}, a {@link MemoryStore} seeded with the entries of {@link StoreModel.Memory}.
     *
     * @throws StoreException when the store cannot be opened (e.g. the key file is missing or malformed,
     *     an etcd endpoint is malformed or its password's source unreadable)
     */
    public static MutableKeyValueStore open(StoreModel model) {
        // Java 17 has no pattern switch; StoresTest checks that every permitted subtype is handled here.
        if (model instanceof StoreModel.File file) {
            return FileStore.open(file.path());
        }
        if (model instanceof StoreModel.Etcd etcd) {
            return EtcdStore.open(etcd);
        }
        if (model instanceof StoreModel.Memory memory) {
            return new MemoryStore(memory.entries());
        }
        throw new IllegalArgumentException("unsupported store: " + model.describe());
    }
}
