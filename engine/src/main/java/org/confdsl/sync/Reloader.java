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

    /** Whether a reload of {@code resource} failed earlier and must be retried. */
    boolean isPending(ResourceModel resource) {
        return pending.isPending(resource);
    }
}
