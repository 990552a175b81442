package org.confdsl.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.confdsl.model.ResourceModel;
import org.confdsl.run.AppliedAwaiter;
import org.confdsl.run.StatusEntry;
import org.confdsl.store.KeyPrefix;

/** A task's waits for "applied": which resources a key feeds, and the wait for each on the daemons' status. */
final class Barriers {

    private final TaskContext ctx;
    private final AppliedAwaiter awaiter;

    Barriers(TaskContext ctx) {
        this.ctx = ctx;
        this.awaiter = new AppliedAwaiter(ctx.store());
    }

    /** Waits until every resource that reads {@code key} is applied at {@code revision}; says by whom and how fast. */
    String awaitAffected(String key, long revision, Duration timeout) throws InterruptedException {
        List<ResourceModel> affected = ctx.model().resources().stream()
                .filter(r -> KeyPrefix.coveredByAny(r.watchedPrefixes(), key)).toList();
        if (affected.isEmpty()) {
            return "no resource of " + ctx.scriptName() + " reads it, nothing to wait for";
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> said = new ArrayList<>();
        for (ResourceModel r : affected) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            said.add(await(r.name(), revision, left));
        }
        return String.join("; ", said);
    }

    /** Waits for one resource; "cloud applied by web1, web2 in 85 ms". */
    String await(String resource, long revision, Duration timeout) throws InterruptedException {
        if (ctx.model().resource(resource).isEmpty()) {
            throw new StepFailure("no resource '" + resource + "' in " + ctx.scriptName() + "; it declares: "
                    + ctx.model().resources().stream().map(ResourceModel::name).collect(Collectors.joining(", ")));
        }
        long start = System.nanoTime();
        List<StatusEntry> by = awaiter.await(resource, revision, timeout);
        return resource + " applied by " + by.stream().map(StatusEntry::host).collect(Collectors.joining(", "))
                + " in " + (System.nanoTime() - start) / 1_000_000 + " ms";
    }

    /** The prefixes {@code resource} watches, to read the revision it is at now. */
    List<String> prefixesOf(String resource) {
        return ctx.model().resource(resource).map(ResourceModel::watchedPrefixes)
                .orElseThrow(() -> new StepFailure("no resource '" + resource + "' in " + ctx.scriptName()));
    }
}
