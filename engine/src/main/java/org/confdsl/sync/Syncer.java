package org.confdsl.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.internal.Comparer;
import org.confdsl.sync.internal.FileMeta;
import org.confdsl.sync.internal.IoErrors;
import org.confdsl.sync.internal.Stager;
import org.confdsl.sync.internal.StepException;
import org.confdsl.sync.internal.Swapper;
import org.confdsl.sync.internal.TargetAttributes;
import org.confdsl.template.Rendered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one destination in line with one render: compare → stage → check → swap → reload.
 *
 * <p>The comparison comes before staging (confd stages first) so that a pass that finds the
 * destination in sync writes and fsyncs nothing: most passes of a polling daemon are such passes.
 *
 * <ul>
 *   <li><b>compare</b>: bytes, mode, owner and group against the destination. Equal means
 *       {@link Outcome#IN_SYNC}: nothing is written and no command runs, except a reload that
 *       failed at an earlier pass (see {@link PendingReloads}), which is retried.
 *   <li><b>stage</b>: the render is written to {@code .<dest name>.confdsl-<random>} in the
 *       destination's directory with its final mode (the resource's; else the current file's;
 *       else 0644) and owner/group (the resource's; else the current file's), and fsynced. A
 *       missing directory is created only with {@code mkdirs true}.
 *   <li><b>check</b>: the check command with {@code {{.src}}}/{@code ${src}} = the stage file. A
 *       failure is {@link Outcome#CHECK_FAILED} and leaves the destination untouched. With
 *       {@link ResourceModel#checkInPlace()} the candidate is swapped in first, checked there and
 *       the previous file restored on failure.
 *   <li><b>swap</b>: atomic rename and directory fsync; a bind-mounted destination that refuses
 *       the rename is written in place, and the message says so.
 *   <li><b>reload</b>: the reload command. Failure is {@link Outcome#RELOAD_FAILED}: the new file
 *       stays and the reload is recorded as pending. A pending reload is retried at the next pass
 *       that finds the destination in sync; a pass that changes it reloads anyway.
 * </ul>
 *
 * <p>With {@link SyncOptions#noop()} nothing is written and nothing runs: the result is
 * {@link Outcome#WOULD_UPDATE} with a {@link UnifiedDiff}, or {@link Outcome#IN_SYNC}. With
 * {@link SyncOptions#syncOnly()} neither check nor reload runs. With
 * {@link SyncOptions#keepStageFile()} a stage file that was not moved into place (rejected by the
 * check, or copied in place) is left for inspection.
 *
 * <p>{@link #sync} never throws for failures of the destination or the commands: it returns a
 * {@link SyncResult} with a one-line message and the command's output. It is safe to sync
 * different resources from different threads.
 */
public final class Syncer {

    private static final Logger LOG = LoggerFactory.getLogger(Syncer.class);

    private final Stager stager = new Stager();
    private final Swapper swapper;
    private final Checker checker;
    private final InPlaceCheck inPlaceCheck;
    private final Reloader reloader;

    /**
     * @param runner runs check and reload commands
     * @param pendingReloads where failed reloads are remembered until they succeed
     */
    public Syncer(CommandRunner runner, PendingReloads pendingReloads) {
        this(runner, pendingReloads, Swapper.ATOMIC);
    }

    /** For tests: {@code mover} replaces the rename, e.g. to refuse it like a bind mount does. */
    Syncer(CommandRunner runner, PendingReloads pendingReloads, Swapper.Mover mover) {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(pendingReloads, "pendingReloads");
        this.swapper = new Swapper(mover);
        this.checker = new Checker(runner);
        this.inPlaceCheck = new InPlaceCheck(stager, swapper, checker);
        this.reloader = new Reloader(runner, pendingReloads);
    }

    /**
     * Makes {@code resource.dest()} hold {@code rendered.content()}, as described above.
     *
     * @return the outcome; {@link Outcome#FAILED} when the destination cannot be read, staged or
     *     replaced (it is then as it was), with a message such as
     *     {@code cannot write /etc/x.conf: permission denied}
     */
    public SyncResult sync(ResourceModel resource, Rendered rendered, SyncOptions options) {
        Results results = new Results(resource, rendered.revision());
        try {
            stager.ensureDirectory(resource, options.noop());
            Optional<FileMeta> current = readMeta(resource.dest());
            TargetAttributes target = TargetAttributes.resolve(resource, current);
            boolean inSync = Comparer.inSync(resource.dest(), rendered.content(), target, current);
            LOG.debug("{}: compared with {}: {}", resource.name(), resource.dest(), inSync ? "in sync" : "differs");
            if (options.noop()) {
                return inSync ? inSyncDryRun(resource, results) : results.wouldUpdate(rendered, target, current);
            }
            if (inSync) {
                return retryPendingReload(resource, options, results);
            }
            Path staged = stager.stage(resource.dest(), rendered.content(), target);
            LOG.debug("{}: staged {}", resource.name(), staged);
            try {
                return checkSwapReload(resource, staged, options, results);
            } finally {
                if (!options.keepStageFile()) {
                    Stager.deleteQuietly(staged);
                }
            }
        } catch (StepException | UncheckedIOException e) {
            return results.of(Outcome.FAILED, e.getMessage());
        }
    }

    private SyncResult checkSwapReload(ResourceModel resource, Path staged, SyncOptions options, Results results)
            throws StepException {
        Path dest = resource.dest();
        Optional<CommandSpec> check = options.syncOnly() ? Optional.empty() : resource.check();
        Optional<String> swapNote;
        if (check.isPresent() && resource.checkInPlace()) {
            InPlaceCheck.Result result = inPlaceCheck.run(resource, check.get(), staged, options.keepStageFile());
            LOG.debug("{}: checked in place: {}", resource.name(), result.check().message());
            if (result.restoreError().isPresent()) {
                return results.withOutput(Outcome.FAILED,
                        result.check().message() + "; " + result.restoreError().get(), result.check().output());
            }
            if (!result.check().ok()) {
                return results.withOutput(Outcome.CHECK_FAILED,
                        result.check().message() + "; " + dest + " restored", result.check().output());
            }
            swapNote = result.swapNote();
        } else {
            if (check.isPresent()) {
                StepOutcome outcome = checker.check(check.get(), staged, dest);
                LOG.debug("{}: checked: {}", resource.name(), outcome.message());
                if (!outcome.ok()) {
                    return results.withOutput(Outcome.CHECK_FAILED,
                            outcome.message() + "; " + dest + " left as it was", outcome.output());
                }
            }
            swapNote = swapper.swap(staged, dest);
            LOG.debug("{}: swapped into {}{}", resource.name(), dest, swapNote.map(n -> " (" + n + ")").orElse(""));
        }
        String note = swapNote.orElse("");
        if (options.syncOnly()) {
            return results.of(Outcome.UPDATED, join(note, "sync-only: check and reload not run"));
        }
        if (resource.reload().isEmpty()) {
            return results.of(Outcome.UPDATED, note);
        }
        return reload(resource, resource.reload().get(), note, results);
    }

    private SyncResult retryPendingReload(ResourceModel resource, SyncOptions options, Results results) {
        if (resource.reload().isEmpty() || !pending(resource)) {
            return results.of(Outcome.IN_SYNC, "");
        }
        if (options.syncOnly()) {
            return results.of(Outcome.IN_SYNC, "a reload is pending (sync-only: not run)");
        }
        return reload(resource, resource.reload().get(), "in sync; retried the pending reload", results);
    }

    private SyncResult reload(ResourceModel resource, CommandSpec reload, String note, Results results) {
        StepOutcome outcome = reloader.reload(resource, reload);
        LOG.debug("{}: reloaded: {}", resource.name(), outcome.message());
        if (outcome.ok()) {
            return results.of(Outcome.UPDATED, note);
        }
        return results.withOutput(Outcome.RELOAD_FAILED, join(note, outcome.message()), outcome.output());
    }

    private SyncResult inSyncDryRun(ResourceModel resource, Results results) {
        boolean pending = resource.reload().isPresent() && pending(resource);
        return results.of(Outcome.IN_SYNC, pending ? "a reload is pending (noop: not run)" : "");
    }

    private boolean pending(ResourceModel resource) {
        try {
            return reloader.isPending(resource);
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static Optional<FileMeta> readMeta(Path dest) throws StepException {
        try {
            return FileMeta.read(dest);
        } catch (IOException e) {
            throw IoErrors.failure("cannot read", dest, e);
        }
    }

    static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + "; " + second;
    }

    /** Builds the results of one resource in one pass. */
    private record Results(ResourceModel resource, long revision) {

        SyncResult of(Outcome outcome, String message) {
            return SyncResult.of(resource.name(), outcome, resource.dest(), revision, message);
        }

        SyncResult withOutput(Outcome outcome, String message, String output) {
            return new SyncResult(resource.name(), outcome, resource.dest(), revision, message, Optional.empty(), output);
        }

        SyncResult wouldUpdate(Rendered rendered, TargetAttributes target, Optional<FileMeta> current) {
            Path dest = resource.dest();
            String diff = UnifiedDiff.of(dest, rendered.content());
            List<String> changes = current.map(target::changesFrom).orElse(List.of());
            // The line already names the resource, the outcome and the destination: say only what would change.
            List<String> what = new java.util.ArrayList<>();
            if (diff.lines().anyMatch(l -> l.startsWith("@@"))) {
                what.add("the content");
            }
            what.addAll(changes);
            String message = current.isEmpty() ? "would create the file"
                    : "would change " + (what.isEmpty() ? "the file" : String.join(", ", what));
            return new SyncResult(resource.name(), Outcome.WOULD_UPDATE, dest, revision, message, Optional.of(diff), "");
        }
    }
}
