package org.confdsl.sync.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.PendingReloads;

/** {@link PendingReloads} in a concurrent set; forgotten when the process ends. */
public final class MemoryPendingReloads implements PendingReloads {

    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    @Override
    public boolean isPending(ResourceModel resource) {
        return pending.contains(ResourceKey.of(resource));
    }

    @Override
    public void markPending(ResourceModel resource) {
        pending.add(ResourceKey.of(resource));
    }

    @Override
    public void clear(ResourceModel resource) {
        pending.remove(ResourceKey.of(resource));
    }
}
