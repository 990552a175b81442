package org.confdsl.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.confdsl.model.ResourceModel;
import org.confdsl.store.KeyValueStore;
import org.confdsl.store.Snapshot;
import org.confdsl.sync.Outcome;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import org.confdsl.sync.Syncer;
import org.confdsl.template.Rendered;
import org.confdsl.template.TemplateException;
import org.confdsl.template.TemplateRenderer;

/**
 * One pass over some resources: read their keys at one revision, then render and sync each.
 * A resource that fails never stops the others.
 */
public final class ResourcePass {

    private final KeyValueStore store;
    private final TemplateRenderer renderer;
    private final Syncer syncer;
    private final EngineEvents events;
    private final SyncScheduler scheduler;

    public ResourcePass(KeyValueStore store, TemplateRenderer renderer, Syncer syncer) {
        this(store, renderer, syncer, EngineEvents.NONE);
    }

    /** A pass that tells {@code events} when each resource starts and ends. */
    public ResourcePass(KeyValueStore store, TemplateRenderer renderer, Syncer syncer, EngineEvents events) {
        this.store = store;
        this.renderer = renderer;
        this.syncer = syncer;
        this.events = events;
        this.scheduler = new SyncScheduler();
    }

    /** Where this pass reports what it does. */
    EngineEvents events() {
        return events;
    }

    /**
     * Processes {@code resources} from one snapshot of all their prefixes, reporting each result
     * to {@code listener} as soon as it is known.
     *
     * @throws org.confdsl.store.StoreException when the store cannot be read (nothing was touched)
     */
    public List<SyncResult> run(List<ResourceModel> resources, SyncOptions options, Consumer<SyncResult> listener) {
        return run(resources, snapshot(resources), options, listener);
    }

    /**
     * One read of every prefix of {@code resources}.
     *
     * @throws org.confdsl.store.StoreException when the store cannot be read
     */
    public Snapshot snapshot(List<ResourceModel> resources) {
        return store.snapshot(prefixesOf(resources));
    }

    /**
     * Processes {@code resources} from {@code snapshot}, reporting each result, in order, as soon
     * as it and those before it are known. Renders happen here, one after another; the syncs of
     * resources that run no command may overlap ({@link SyncScheduler}).
     */
    public List<SyncResult> run(List<ResourceModel> resources, Snapshot snapshot, SyncOptions options,
            Consumer<SyncResult> listener) {
        List<SyncResult> results = new ArrayList<>();
        SyncScheduler.Pass syncs = scheduler.pass(options, resources.size());
        try {
            for (ResourceModel resource : resources) {
                events.resourceStarting(resource);
                long start = System.nanoTime();
                SyncScheduler.Report report = (result, end) -> {
                    results.add(result);
                    listener.accept(result);
                    events.resourceFinished(result, Duration.ofNanos(end - start));
                };
                Optional<Rendered> rendered = renderOrReport(resource, snapshot, syncs, report);
                if (rendered.isPresent()) {
                    syncs.submit(resource, () -> syncer.sync(resource, rendered.get(), options), report);
                }
            }
            syncs.drain();
        } catch (RuntimeException | Error e) {
            try {
                syncs.drain();
            } catch (RuntimeException | Error again) {
                e.addSuppressed(again);
                syncs.abandon();
            }
            throw e;
        }
        return results;
    }

    private Optional<Rendered> renderOrReport(ResourceModel resource, Snapshot snapshot, SyncScheduler.Pass syncs,
            SyncScheduler.Report report) {
        long start = System.nanoTime();
        try {
            return Optional.of(render(resource, snapshot));
        } catch (TemplateException e) {
            syncs.known(SyncResult.of(resource.name(), Outcome.FAILED, resource.dest(), snapshot.revision(), e.getMessage()),
                    report);
            return Optional.empty();
        } finally {
            events.rendered(resource, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Renders and syncs one resource from {@code snapshot}; a render error is a {@link Outcome#FAILED} result. */
    public SyncResult process(ResourceModel resource, Snapshot snapshot, SyncOptions options) {
        Rendered rendered;
        long start = System.nanoTime();
        try {
            rendered = render(resource, snapshot);
        } catch (TemplateException e) {
            return SyncResult.of(resource.name(), Outcome.FAILED, resource.dest(), snapshot.revision(), e.getMessage());
        } finally {
            events.rendered(resource, Duration.ofNanos(System.nanoTime() - start));
        }
        return syncer.sync(resource, rendered, options);
    }

    /** Renders one resource from {@code snapshot}, seeing only the keys under its prefixes. */
    public Rendered render(ResourceModel resource, Snapshot snapshot) {
        try {
            return renderer.render(resource, snapshot.restrictTo(resource.watchedPrefixes()));
        } catch (TemplateException e) {
            throw UnwatchedKey.explain(e, resource, store);
        }
    }

    /** Renders one resource from a fresh read of the store. */
    public Rendered render(ResourceModel resource) {
        return render(resource, store.snapshot(resource.watchedPrefixes()));
    }

    static List<String> prefixesOf(List<ResourceModel> resources) {
        return resources.stream().flatMap(r -> r.watchedPrefixes().stream()).distinct().toList();
    }
}
