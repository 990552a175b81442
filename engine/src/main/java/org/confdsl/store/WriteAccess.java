package org.confdsl.store;

/**
 * A store with permissions (etcd with authentication) that can tell whether its user may write
 * a key without writing it, so that a daemon can say at start what it is not allowed to do.
 */
public interface WriteAccess {

    /**
     * Whether this store's user may write {@code key}. Writes nothing.
     *
     * @throws StoreException when the store cannot be asked (unreachable, authentication failed)
     */
    boolean mayWrite(String key);
}
