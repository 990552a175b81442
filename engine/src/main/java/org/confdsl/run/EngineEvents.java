package org.confdsl.run;

import java.time.Duration;

import org.confdsl.model.ResourceModel;
import org.confdsl.sync.SyncResult;

/**
 * What the engine tells the program about its work, as it happens: the program's logs, metrics
 * and signal handling subscribe here (the engine knows no metrics library). Every method has an
 * empty default; calls come from the engine's working thread and must return quickly.
 */
public interface EngineEvents {

    /** Listens to nothing. */
    EngineEvents NONE = new EngineEvents() { };

    /**
     * A resource is about to be rendered and synced. An implementation may throw
     * {@link java.util.concurrent.CancellationException} to stop the engine before it starts
     * (a clean stop: nothing of that resource has been touched); the exception leaves
     * {@link Engine#once}, {@link Engine#interval} and {@link Engine#watch} as it is.
     */
    default void resourceStarting(ResourceModel resource) {
    }

    /** A resource was rendered (successfully or not) in {@code took}. */
    default void rendered(ResourceModel resource, Duration took) {
    }

    /** A resource is done: its result, and the time from its start to here. */
    default void resourceFinished(SyncResult result, Duration took) {
    }

    /** The watch delivered {@code count} events for watched keys. */
    default void watchEvents(int count) {
    }

    /** A read of the store succeeded ({@code true}) or failed ({@code false}). */
    default void storeReadable(boolean readable) {
    }

    /** The number of resources waiting for a retry after a failure changed to {@code pending}. */
    default void retriesPending(int pending) {
    }
}
