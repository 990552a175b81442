package org.confdsl.sync;

import java.io.UncheckedIOException;
import java.util.Map;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.ResourceModel;

/** The reload step: runs the reload command and keeps {@link PendingReloads} up to date. */
final class Reloader {

    private final CommandRunner runner;
    private final PendingReloads pending;

    Reloader(CommandRunner runner, PendingReloads pending) {
        this.runner = runner;
        this.pending = pending;
    }

    /**
     * Runs {@code resource}'s reload command ({@code {{.dest}}}/{@code ${dest}} and
     * {@code {{.src}}}/{@code ${src}} both mean the destination). Success clears a pending
     * reload, failure records one.
     */
    StepOutcome reload(ResourceModel resource, CommandSpec reload) {
        String dest = resource.dest().toString();
        StepOutcome outcome = StepOutcome.of("reload", reload, runner.run(reload, Map.of("src", dest, "dest", dest)));
        try {
            if (outcome.ok()) {
                pending.clear(resource);
                return outcome;
            }
            pending.markPending(resource);
            return new StepOutcome(false, outcome.message() + "; retried at the next pass", outcome.output());
        } catch (UncheckedIOException e) {
            // The reload itself is what the user needs to hear about; the bookkeeping is a footnote.
            return new StepOutcome(outcome.ok(), outcome.message() + "; " + e.getMessage(), outcome.output());
        }
    }

    /**
     * Records, durably, that a reload of {@code resource} is due: written before the swap, so
     * that a process killed between swap and reload leaves the reload to the next start.
     *
     * @return whether a reload was pending already (then a swap that fails must not clear it)
     * @throws StepException when it cannot be recorded; the swap must then not happen
     */
    boolean due(ResourceModel resource) throws org.confdsl.sync.internal.StepException {
        try {
            boolean before = pending.isPending(resource);
            pending.markPending(resource);
            return before;
        } catch (UncheckedIOException e) {
            throw new org.confdsl.sync.internal.StepException(e.getMessage() + "; nothing was changed", e);
        }
    }

    /** Forgets a reload {@link #due} announced for a swap that did not happen. */
    void notDue(ResourceModel resource) {
        try {
            pending.clear(resource);
        } catch (UncheckedIOException ignored) {
            // one extra reload at the next pass is harmless
        }
    }

    /** Whether a reload of {@code resource} failed earlier and must be retried. */
    boolean isPending(ResourceModel resource) {
        return pending.isPending(resource);
    }
}
