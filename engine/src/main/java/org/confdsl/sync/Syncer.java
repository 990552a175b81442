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
import org.confdsl.sync.internal.DestinationPath;
import org.confdsl.sync.internal.FilePort;
import org.confdsl.sync.internal.FileMeta;
import org.confdsl.sync.internal.IoErrors;
import org.confdsl.sync.internal.Stager;
import org.confdsl.sync.internal.StepException;
import org.confdsl.sync.internal.Swapper;
import org.confdsl.sync.internal.TargetAttributes;
import org.confdsl.sync.recovery.DestinationLockedException;
import org.confdsl.sync.recovery.Destinations;
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
 * <p>Before anything else the destination is resolved ({@code DestinationPath}: a symlink owned
 * by root or the running user is followed and its target replaced; other symlinks, and files of
 * other users in directories others can write, are refused) and taken ({@link Destinations}:
 * its lock, waiting up to 5 s for another holder, and the recovery of what a dead process left).
 * The reload that must follow a swap is recorded as pending before the swap, and an in-place
 * check is journaled before the candidate is installed, so a process killed at any step leaves
 * a state the next start finishes or undoes.
 *
 * <p>{@link #sync} never throws for failures of the destination or the commands: it returns a
 * {@link SyncResult} with a one-line message and the command's output. It is safe to sync
 * different resources from different threads.
 */
public final class Syncer {

    private static final Logger LOG = LoggerFactory.getLogger(Syncer.class);

    private final Stager stager;
    private final Swapper swapper;
    private final Checker checker;
    private final InPlaceCheck inPlaceCheck;
    private final Reloader reloader;
    private final Destinations destinations;

    /**
     * A syncer with no intent journal (nothing to recover after a crash: tests, embedding);
     * destinations are still locked.
     *
     * @param runner runs check and reload commands
     * @param pendingReloads where failed reloads are remembered until they succeed
     */
    public Syncer(CommandRunner runner, PendingReloads pendingReloads) {
        this(runner, pendingReloads, Destinations.lockingOnly(), FilePort.JDK);
    }

    /**
     * A syncer that journals its steps and recovers each destination when it first takes it: the
     * program's, with the state directory's {@link IntentJournal} and the runner's command journal.
     *
     * @param runner runs check and reload commands
     * @param pendingReloads where failed (and due) reloads are remembered until they succeed
     * @param destinations locks, journal and recovery
     */
    public Syncer(CommandRunner runner, PendingReloads pendingReloads, Destinations destinations) {
        this(runner, pendingReloads, destinations, FilePort.JDK);
    }

    /** For tests: {@code mover} replaces the rename, e.g. to refuse it like a bind mount does. */
    Syncer(CommandRunner runner, PendingReloads pendingReloads, Swapper.Mover mover) {
        this(runner, pendingReloads, Destinations.lockingOnly(), FilePort.JDK.renamingWith(mover));
    }

    /** For tests: every write, fsync and rename of the stage and swap steps goes through {@code files}. */
    Syncer(CommandRunner runner, PendingReloads pendingReloads, Destinations destinations, FilePort files) {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(pendingReloads, "pendingReloads");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
        this.stager = new Stager(files);
        this.swapper = new Swapper(files);
        this.checker = new Checker(runner);
        this.inPlaceCheck = new InPlaceCheck(stager, swapper, checker, destinations.journal());
        this.reloader = new Reloader(runner, pendingReloads);
    }

    /**
     * Takes {@code resources}' destinations for the life of this syncer, as a daemon does:
     * recovers each, and refuses at once when another process writes one of them. A destination
     * that cannot be resolved yet (its directory is missing, a refused symlink) is left to each
     * pass, which reports it.
     *
     * @throws DestinationLockedException naming the holder of a destination
     */
    public void claim(List<ResourceModel> resources) {
        for (ResourceModel resource : resources) {
            try {
                stager.ensureDirectory(resource, false);
                destinations.claim(DestinationPath.resolve(resource.dest()));
            } catch (StepException e) {
                LOG.debug("{}: not claimed at start: {}", resource.name(), e.getMessage());
            }
        }
    }

    /** Releases what {@link #claim} took. */
    public void release() {
        destinations.releaseAll();
    }

    /**
     * Makes {@code resource.dest()} hold {@code rendered.content()}, as described above.
     *
     * @return the outcome; {@link Outcome#FAILED} when the destination cannot be read, staged or
     *     replaced (it is then as it was), with a message such as
     *     {@code cannot write /etc/x.conf: permission denied}, or when another process holds it
     */
    public SyncResult sync(ResourceModel resource, Rendered rendered, SyncOptions options) {
        Results results = new Results(resource, rendered.revision());
        try {
            stager.ensureDirectory(resource, options.noop());
            Path target = DestinationPath.resolve(resource.dest());
            if (options.noop()) {
                return dryRun(resource, target, rendered, results);
            }
            Destinations.Held held = destinations.enter(target);
            try {
                return apply(resource, target, rendered, options, results);
            } finally {
                held.close();
            }
        } catch (StepException | UncheckedIOException | DestinationLockedException e) {
            return results.of(Outcome.FAILED, e.getMessage());
        }
    }

    private SyncResult dryRun(ResourceModel resource, Path target, Rendered rendered, Results results) throws StepException {
        Optional<FileMeta> current = readMeta(target);
        TargetAttributes attributes = TargetAttributes.resolve(resource, current);
        if (Comparer.inSync(target, rendered.content(), attributes, current)) {
            return inSyncDryRun(resource, results);
        }
        return results.wouldUpdate(target, rendered, attributes, current);
    }

    private SyncResult apply(ResourceModel resource, Path target, Rendered rendered, SyncOptions options, Results results)
            throws StepException {
        Optional<FileMeta> current = readMeta(target);
        TargetAttributes attributes = TargetAttributes.resolve(resource, current);
        boolean inSync = Comparer.inSync(target, rendered.content(), attributes, current);
        LOG.debug("{}: compared with {}: {}", resource.name(), target, inSync ? "in sync" : "differs");
        if (inSync) {
            return retryPendingReload(resource, options, results);
        }
        Path staged = stager.stage(target, rendered.content(), attributes);
        LOG.debug("{}: staged {}", resource.name(), staged);
        try {
            return checkSwapReload(resource, target, staged, options, results);
        } finally {
            if (options.keepStageFile()) {
                Stager.keep(staged);
            } else {
                Stager.deleteQuietly(staged);
            }
        }
    }

    private SyncResult checkSwapReload(ResourceModel resource, Path dest, Path staged, SyncOptions options, Results results)
            throws StepException {
        Optional<CommandSpec> check = options.syncOnly() ? Optional.empty() : resource.check();
        boolean reloads = !options.syncOnly() && resource.reload().isPresent();
        Optional<String> swapNote;
        if (check.isPresent() && resource.checkInPlace()) {
            InPlaceCheck.Result result = inPlaceCheck.run(dest, check.get(), staged, options.keepStageFile(), () -> {
                if (reloads) {
                    reloader.due(resource);
                }
            });
            LOG.debug("{}: checked in place: {}", resource.name(), result.check().message());
            if (result.restoreError().isPresent()) {
                return results.withOutput(Outcome.FAILED,
                        result.check().message() + "; " + result.restoreError().get(), result.check().output());
            }
            if (!result.check().ok()) {
                return results.withOutput(Outcome.CHECK_FAILED,
                        result.check().message() + "; " + resource.dest() + " restored", result.check().output());
            }
            swapNote = result.swapNote();
        } else {
            if (check.isPresent()) {
                StepOutcome outcome = checker.check(check.get(), staged, dest);
                LOG.debug("{}: checked: {}", resource.name(), outcome.message());
                if (!outcome.ok()) {
                    return results.withOutput(Outcome.CHECK_FAILED,
                            outcome.message() + "; " + resource.dest() + " left as it was", outcome.output());
                }
            }
            boolean wasPending = reloads && reloader.due(resource);
            try {
                swapNote = swapper.swap(staged, dest);
            } catch (StepException e) {
                if (reloads && !wasPending) {
                    reloader.notDue(resource);
                }
                throw e;
            }
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

        SyncResult wouldUpdate(Path file, Rendered rendered, TargetAttributes target, Optional<FileMeta> current) {
            Path dest = resource.dest();
            String diff = UnifiedDiff.of(file, rendered.content());
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
