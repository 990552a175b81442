package org.confdsl.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.confdsl.model.CommandSpec;
import org.confdsl.sync.internal.IoErrors;
import org.confdsl.sync.internal.Stager;
import org.confdsl.sync.internal.StepException;
import org.confdsl.sync.internal.Swapper;
import org.confdsl.sync.recovery.IntentJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check step for checks that validate the installed configuration ({@code nginx -t} reads
 * {@code nginx.conf} and its includes, not a stage file): back up the destination, record the
 * intent in the journal, swap the candidate in, check, and on failure put the previous file back
 * before anything can reload. A process that dies in between leaves the journal entry, and the
 * next start puts the previous file back ({@link org.confdsl.sync.recovery.Recovery}).
 */
final class InPlaceCheck {

    private static final Logger LOG = LoggerFactory.getLogger(InPlaceCheck.class);

    /**
     * @param check how the check ended
     * @param swapNote the swap's note (in-place write), empty after a plain rename
     * @param restoreError why the previous file could not be restored after a failed check
     */
    record Result(StepOutcome check, Optional<String> swapNote, Optional<String> restoreError) {
    }

    /** What must be durable before the journal lets go of an accepted candidate (the reload intent). */
    @FunctionalInterface
    interface Acceptance {
        void accepted() throws StepException;
    }

    private final Stager stager;
    private final Swapper swapper;
    private final Checker checker;
    private final IntentJournal journal;

    InPlaceCheck(Stager stager, Swapper swapper, Checker checker, IntentJournal journal) {
        this.stager = stager;
        this.swapper = swapper;
        this.checker = checker;
        this.journal = journal;
    }

    /**
     * Installs {@code staged} as {@code dest} and checks it ({@code src} = {@code dest}). When the
     * check fails the destination is restored byte for byte with its mode and owner, or removed if
     * it did not exist. When it passes, {@code acceptance} runs before the journal entry is
     * cleared. With {@code keepCandidate} a rejected candidate stays at the stage file's path.
     *
     * @throws StepException when the backup, the journal or the swap fails; the destination is then as it was
     */
    Result run(Path dest, CommandSpec check, Path staged, boolean keepCandidate, Acceptance acceptance)
            throws StepException {
        Optional<Path> backup = stager.backup(dest);
        try {
            journal.checkingInPlace(dest, backup);
        } catch (IOException e) {
            backup.ifPresent(Stager::deleteQuietly);
            throw new StepException("cannot record the in-place check of " + dest + " in the journal: " + IoErrors.reason(e)
                    + "; nothing was changed (is the state directory writable?)", e);
        }
        Optional<String> note;
        try {
            note = swapper.swap(staged, dest);
        } catch (StepException e) {
            // An in-place write may have failed half way; the backup makes that harmless.
            restoreAndForget(dest, backup);
            throw e;
        }
        StepOutcome outcome = checker.check(check, dest, dest);
        if (outcome.ok()) {
            try {
                acceptance.accepted();
            } catch (StepException e) {
                // Without its reload recorded the candidate must not stay: as if the check had failed.
                restoreAndForget(dest, backup);
                throw e;
            }
            forget(dest, backup);
            return new Result(outcome, note, Optional.empty());
        }
        if (keepCandidate && note.isEmpty()) {
            keep(dest, staged);
        }
        try {
            restoreAndForget(dest, backup);
            return new Result(outcome, note, Optional.empty());
        } catch (StepException e) {
            return new Result(outcome, note, Optional.of(e.getMessage()));
        }
    }

    // Restored: the journal entry is done. Not restored: the entry and the backup stay, and the
    // next start tries again.
    private void restoreAndForget(Path dest, Optional<Path> backup) throws StepException {
        restore(dest, backup);
        forget(dest, backup);
    }

    private void forget(Path dest, Optional<Path> backup) {
        journal.done(dest);
        backup.ifPresent(Stager::deleteQuietly);
    }

    private void restore(Path dest, Optional<Path> backup) throws StepException {
        try {
            if (backup.isPresent()) {
                swapper.swap(backup.get(), dest);
            } else {
                swapper.remove(dest);
            }
        } catch (StepException e) {
            throw new StepException("the previous " + dest + " could not be restored: " + e.getMessage(), e);
        }
    }

    // A hard link keeps the rejected candidate's inode under a kept name once the backup is
    // renamed over the destination.
    private static void keep(Path dest, Path staged) {
        try {
            Files.createLink(staged, dest);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot keep the rejected candidate at {}: {}", staged,
                            e instanceof IOException io ? IoErrors.reason(io) : e.getMessage());
        }
    }
}
