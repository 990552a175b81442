package org.confdsl.cli;

import java.util.Collection;

import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.Snapshot;
import org.confdsl.store.Watch;
import org.confdsl.store.WatchListener;

/**
 * A store lent to a command for one call: every call goes through, except {@code close}, so that
 * a command's try-with-resources leaves the lender's store (the shell's) open.
 */
final class BorrowedStore implements MutableKeyValueStore {

    private final MutableKeyValueStore store;

    BorrowedStore(MutableKeyValueStore store) {
        this.store = store;
    }

    @Override
    public Snapshot snapshot(Collection<String> prefixes) {
        return store.snapshot(prefixes);
    }

    @Override
    public Watch watch(Collection<String> prefixes, long afterRevision, WatchListener listener) {
        return store.watch(prefixes, afterRevision, listener);
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public long put(String key, String value) {
        return store.put(key, value);
    }

    @Override
    public long delete(String key) {
        return store.delete(key);
    }

    @Override
    public long deletePrefix(String prefix) {
        return store.deletePrefix(prefix);
    }

    @Override
    public void close() {
        // the lender closes it
    }
}
