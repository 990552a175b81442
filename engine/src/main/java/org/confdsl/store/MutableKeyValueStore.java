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
}
