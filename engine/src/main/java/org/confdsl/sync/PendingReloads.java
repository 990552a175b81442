package org.confdsl.sync;

import java.nio.file.Path;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.internal.DirectoryPendingReloads;
import org.confdsl.sync.internal.MemoryPendingReloads;

/**
 * Remembers resources whose destination was written but whose reload failed, so that the
 * service is reloaded at the next pass even when the destination is then in sync (confd forgets,
 * and the service keeps running the old config until the next change).
 *
 * <p>A resource is identified by its name and destination. Implementations are thread-safe.
 * Failures to persist are thrown as {@link java.io.UncheckedIOException}; {@link Syncer}
 * reports them in its message rather than failing the pass.
 */
public interface PendingReloads {

    /** Whether a reload of {@code resource} failed and has not succeeded since. */
    boolean isPending(ResourceModel resource);

    /** Records that {@code resource} needs a reload. */
    void markPending(ResourceModel resource);

    /** Records that {@code resource} was reloaded; a no-op when nothing was pending. */
    void clear(ResourceModel resource);

    /** Pending reloads held by this object only: a daemon ({@code run --watch}) or tests. */
    static PendingReloads inMemory() {
        return new MemoryPendingReloads();
    }

    /**
     * Pending reloads kept as one small file per resource in {@code stateDir} (created when
     * first needed), named from a hash of the resource name and destination and written
     * atomically, so that a later {@code confdsl run --once} process retries the reload.
     *
     * @param stateDir a directory only confdsl writes to, e.g. {@code /var/lib/confdsl}
     */
    static PendingReloads inDirectory(Path stateDir) {
        return new DirectoryPendingReloads(stateDir);
    }
}
