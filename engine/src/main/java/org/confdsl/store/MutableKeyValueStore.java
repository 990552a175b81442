package org.confdsl.store;

/**
 * A store that confdsl can also write: {@code confdsl keys put/rm}, the shell, and deploy tasks.
 * Each call is one change (one revision); watchers see it like any other change.
 */
public interface MutableKeyValueStore extends KeyValueStore {

    /**
     * Sets {@code key} (absolute, starting with {@code /}) to {@code value}.
     *
     * @return the store's revision after the change
     * @throws StoreException when the store cannot be written
     */
    long put(String key, String value);

    /**
     * Removes {@code key}; a missing key changes nothing.
     *
     * @return the store's revision after the change
     */
    long delete(String key);

    /**
     * Removes {@code prefix} and every key below it (key-boundary aware), in one change.
     *
     * @return the store's revision after the change
     */
    long deletePrefix(String prefix);

    /**
     * A lease whose keys vanish when it is closed or its holder dies: with etcd, after
     * {@code ttl} without renewal (the lease renews itself every third of it while this store is
     * open); in memory, when it is closed. The default says the store cannot hold leased keys.
     *
     * @throws StoreException when this store has no leases (a key file)
     */
    default Lease lease(java.time.Duration ttl) {
        throw new StoreException(describe() + " cannot hold keys on a lease: status publishing and awaitApplied need an etcd store"
                + " (or a memory store in tests)");
    }
}
