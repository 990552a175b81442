package org.confdsl.store;

import java.util.LinkedHashSet;
import java.util.Set;

/** A memory store's lease: its keys are removed when it is closed (nothing in one process can die alone). */
final class MemoryLease implements Lease {

    private final MemoryStore store;
    private final Set<String> held = new LinkedHashSet<>();
    private boolean closed;

    MemoryLease(MemoryStore store) {
        this.store = store;
    }

    @Override
    public synchronized void put(String key, String value) {
        if (closed) {
            throw new StoreException("the lease is closed");
        }
        store.put(key, value);
        held.add(key);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String key : held) {
            try {
                store.delete(key);
            } catch (StoreException e) {
                return; // the store itself is closed: nothing is left to clean
            }
        }
    }
}
