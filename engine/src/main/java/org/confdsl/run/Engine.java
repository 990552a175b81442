package org.confdsl.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.confdsl.model.Durations;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.store.KeyValueStore;
import org.confdsl.store.StoreException;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import org.confdsl.sync.Syncer;
import org.confdsl.template.Rendered;
import org.confdsl.template.TemplateRenderer;

/**
 * Runs a script's resources against a store: once, on an interval, or watching. The only place
 * that knows every stage; each stage lives in its own package.
 */
public final class Engine {

    private final EngineModel model;
    private final KeyValueStore store;
    private final ResourcePass pass;
    private final Syncer syncer;

    public Engine(EngineModel model, KeyValueStore store, TemplateRenderer renderer, Syncer syncer) {
        this(model, store, renderer, syncer, EngineEvents.NONE);
    }

    /** An engine that reports its work to {@code events} (the program's logs, metrics, signals). */
    public Engine(EngineModel model, KeyValueStore store, TemplateRenderer renderer, Syncer syncer, EngineEvents events) {
        this.model = model;
        this.store = store;
        this.syncer = syncer;
        this.pass = new ResourcePass(store, renderer, syncer, events);
    }

    /** The script's model. */
    public EngineModel model() {
        return model;
    }

    /** The store the engine reads. */
    public KeyValueStore store() {
        return store;
    }

    /**
     * One pass over {@code resources}.
     *
     * @throws StoreException when the store cannot be read; no destination was touched
     */
    public List<SyncResult> once(List<ResourceModel> resources, SyncOptions options, Consumer<SyncResult> listener) {
        return pass.run(resources, options, listener);
    }

    /** One pass over every resource. */
    public List<SyncResult> once(SyncOptions options, Consumer<SyncResult> listener) {
        return once(model.resources(), options, listener);
    }

    /** Renders {@code resource} from the store's current keys; writes nothing. */
    public Rendered render(ResourceModel resource) {
        return pass.render(resource);
    }

    /**
     * A pass every {@code every}, until the thread is interrupted. A pass that cannot read the
     * store is logged and the next pass tries again.
     */
    public void interval(Duration every, SyncOptions options, Consumer<SyncResult> listener) throws InterruptedException {
        claimDestinations(options);
        try {
            intervalLoop(every, options, listener);
        } finally {
            syncer.release();
        }
    }

    private void intervalLoop(Duration every, SyncOptions options, Consumer<SyncResult> listener) throws InterruptedException {
        StoreTrouble trouble = new StoreTrouble();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                once(options, listener);
                trouble.readable(store.describe());
                pass.events().storeReadable(true);
            } catch (StoreException e) {
                pass.events().storeReadable(false);
                trouble.failed(e, "next try every " + Durations.format(every));
            }
            TimeUnit.NANOSECONDS.sleep(every.toNanos());
        }
        throw new InterruptedException();
    }

    /**
     * Watch mode: a pass now, then a render of each resource whose keys change, once its burst
     * settles (the resource's {@code wait}), plus a full pass every {@code reconcile}. Runs until
     * the thread is interrupted.
     */
    public void watch(SyncOptions options, Consumer<SyncResult> listener, Duration reconcile)
            throws InterruptedException {
        claimDestinations(options);
        try {
            new WatchLoop(model, store, pass, options, listener, reconcile).run();
        } finally {
            syncer.release();
        }
    }

    /**
     * A daemon holds its destinations for its life, recovering each first.
     *
     * @throws org.confdsl.sync.recovery.DestinationLockedException when another process writes one
     */
    private void claimDestinations(SyncOptions options) {
        if (!options.noop()) {
            syncer.claim(model.resources());
        }
    }
}
