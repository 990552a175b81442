package org.confdsl.store;

import java.util.Collection;

/**
 * Where keys live. The whole contract is two calls: one consistent read and one watch.
 *
 * <p>Prefixes are key-boundary aware (see {@link KeyPrefix}): {@code /app} covers {@code /app}
 * and {@code /app/...}, never {@code /apple}.
 */
public interface KeyValueStore extends AutoCloseable {

    /**
     * Reads every key under any of {@code prefixes} at one revision.
     *
     * @throws StoreException when the store cannot be read; the message names the store and what to do
     */
    Snapshot snapshot(Collection<String> prefixes);

    /**
     * Calls {@code listener} for every change under {@code prefixes} after {@code afterRevision},
     * in revision order, until the returned watch is closed.
     *
     * @throws StoreException when the watch cannot be started
     */
    Watch watch(Collection<String> prefixes, long afterRevision, WatchListener listener);

    /**
     * The newest revision that changed a key under {@code prefixes}: what a daemon watching them
     * must have applied to be current. Unlike {@link Snapshot#revision()} it does not move when
     * other keys change (every daemon's status write moves the store's revision). The default is
     * the snapshot's revision, which is never too early.
     *
     * @throws StoreException when the store cannot be read
     */
    default long lastChange(Collection<String> prefixes) {
        return snapshot(prefixes).revision();
    }

    /** A short description for messages, without secrets. */
    String describe();

    /** Releases connections and threads; the default does nothing. */
    @Override
    default void close() {
    }
}
