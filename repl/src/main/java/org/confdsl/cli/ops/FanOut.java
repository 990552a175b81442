package org.confdsl.cli.ops;

import java.time.Duration;
import java.util.List;

import org.confdsl.model.ResourceModel;
import org.confdsl.run.EngineEvents;
import org.confdsl.sync.SyncResult;

/** Several {@link EngineEvents} listeners as one, called in order. */
public final class FanOut implements EngineEvents {

    private final List<EngineEvents> all;

    /** Calls each of {@code all}, in order. */
    public FanOut(List<EngineEvents> all) {
        this.all = List.copyOf(all);
    }

    @Override
    public void resourceStarting(ResourceModel resource) {
        all.forEach(e -> e.resourceStarting(resource));
    }

    @Override
    public void rendered(ResourceModel resource, Duration took) {
        all.forEach(e -> e.rendered(resource, took));
    }

    @Override
    public void resourceFinished(SyncResult result, Duration took) {
        all.forEach(e -> e.resourceFinished(result, took));
    }

    @Override
    public void watchEvents(int count) {
        all.forEach(e -> e.watchEvents(count));
    }

    @Override
    public void storeReadable(boolean readable) {
        all.forEach(e -> e.storeReadable(readable));
    }

    @Override
    public void retriesPending(int pending) {
        all.forEach(e -> e.retriesPending(pending));
    }
}
