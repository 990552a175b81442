package org.confdsl.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.confdsl.model.ResourceModel;
import org.confdsl.run.AppliedAwaiter;
import org.confdsl.run.Membership;
import org.confdsl.run.StatusEntry;
import org.confdsl.store.KeyPrefix;

/**
 * A task's waits for "applied": which resources a key feeds, whether their hosts are all
 * reporting before anything changes, and the wait for each on the daemons' status.
 */
final class Barriers {

    private final TaskContext ctx;
    private final AppliedAwaiter awaiter;
    /** The revision of this task's own last write per key: a delete leaves no revision in the store to find. */
    private final Map<String, Long> written = new HashMap<>();

    Barriers(TaskContext ctx) {
        this.ctx = ctx;
        this.awaiter = new AppliedAwaiter(ctx.store(), new Membership(ctx.model().hosts(), ctx.allowMissing()));
    }

    /** Remembers a write of this task. */
    void wrote(String key, long revision) {
        written.merge(key, revision, Math::max);
    }

    /**
     * Checks, changing nothing, that every resource reading {@code key} is served and all its
     * expected hosts report; returns what the operator allowed to be missing ("" when nothing).
     *
     * @throws org.confdsl.run.NotAppliedException naming the host that does not report
     */
    String checkServed(String key) {
        List<String> excused = new ArrayList<>();
        for (ResourceModel r : affected(key)) {
            Membership.Serving s = awaiter.serving(r.name());
            if (!s.excused().isEmpty()) {
                excused.add("'" + r.name() + "' goes on without " + String.join(", ", s.excused())
                        + " (--allow-missing): not confirmed there, its config may still send traffic to " + key);
            }
        }
        return String.join("; ", excused);
    }

    /** Waits until every resource that reads {@code key} is applied at {@code revision}; says by whom and how fast. */
    String awaitAffected(String key, long revision, Duration timeout, String consequence) throws InterruptedException {
        List<ResourceModel> affected = affected(key);
        if (affected.isEmpty()) {
            return "no resource of " + ctx.scriptName() + " reads it, nothing to wait for";
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> said = new ArrayList<>();
        for (ResourceModel r : affected) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            said.add(await(r.name(), revision, left, consequence));
        }
        return String.join("; ", said);
    }

    /** Waits for one resource; "cloud applied by web1, web2 in 85 ms". */
    String await(String resource, long revision, Duration timeout, String consequence) throws InterruptedException {
        requireResource(resource);
        long start = System.nanoTime();
        List<StatusEntry> by = awaiter.await(resource, revision, timeout, consequence);
        return resource + " applied by " + hosts(by) + " in " + (System.nanoTime() - start) / 1_000_000 + " ms";
    }

    /**
     * The newest revision that changed {@code resource}'s own keys: in the store, or by this task
     * (its deletes leave nothing in the store to find). Other keys' changes (every daemon's status
     * write) do not count, so a daemon that is current has applied it.
     */
    long newestChange(String resource) {
        List<String> prefixes = prefixesOf(resource);
        long own = written.entrySet().stream().filter(e -> KeyPrefix.coveredByAny(prefixes, e.getKey()))
                .mapToLong(Map.Entry::getValue).max().orElse(0);
        return Math.max(1, Math.max(own, ctx.store().lastChange(prefixes)));
    }

    /** The prefixes {@code resource} watches. */
    List<String> prefixesOf(String resource) {
        return requireResource(resource).watchedPrefixes();
    }

    private List<ResourceModel> affected(String key) {
        return ctx.model().resources().stream().filter(r -> KeyPrefix.coveredByAny(r.watchedPrefixes(), key)).toList();
    }

    private ResourceModel requireResource(String resource) {
        return ctx.model().resource(resource).orElseThrow(() -> new StepFailure("no resource '" + resource + "' in " + ctx.scriptName()
                + "; it declares: " + ctx.model().resources().stream().map(ResourceModel::name).collect(Collectors.joining(", "))));
    }

    /** "web1, web2", or "498 hosts (web0001, …)" for a fleet. */
    private static String hosts(List<StatusEntry> by) {
        if (by.size() <= 10) {
            return by.stream().map(StatusEntry::host).collect(Collectors.joining(", "));
        }
        return by.size() + " hosts (" + by.stream().limit(3).map(StatusEntry::host).collect(Collectors.joining(", ")) + ", …)";
    }
}
