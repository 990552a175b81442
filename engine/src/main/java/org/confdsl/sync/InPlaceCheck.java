package org.confdsl.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.internal.IoErrors;
import org.confdsl.sync.internal.Stager;
import org.confdsl.sync.internal.StepException;
import org.confdsl.sync.internal.Swapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check step for checks that validate the installed configuration ({@code nginx -t} reads
 * {@code nginx.conf} and its includes, not a stage file): back up the destination, swap the
 * candidate in, check, and on failure put the previous file back before anything can reload.
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

    private final Stager stager;
    private final Swapper swapper;
    private final Checker checker;

    InPlaceCheck(Stager stager, Swapper swapper, Checker checker) {
        this.stager = stager;
        this.swapper = swapper;
        this.checker = checker;
    }

    /**
     * Installs {@code staged} as the destination and checks it ({@code src} = {@code dest}).
     * When the check fails the destination is restored byte for byte with its mode and owner, or
     * removed if it did not exist. With {@code keepCandidate} the rejected candidate stays at the
     * stage file's path.
     *
     * @throws StepException when the backup or the swap fails; the destination is then as it was
     */
    Result run(ResourceModel resource, CommandSpec check, Path staged, boolean keepCandidate) throws StepException {
        Path dest = resource.dest();
        Optional<Path> backup = stager.backup(dest);
        try {
            Optional<String> note;
            try {
                note = swapper.swap(staged, dest);
            } catch (StepException e) {
                // An in-place write may have failed half way; the backup makes that harmless.
                restore(dest, backup);
                throw e;
            }
            StepOutcome outcome = checker.check(check, dest, dest);
            if (outcome.ok()) {
                return new Result(outcome, note, Optional.empty());
            }
            if (keepCandidate && note.isEmpty()) {
                keep(dest, staged);
            }
            try {
                restore(dest, backup);
                return new Result(outcome, note, Optional.empty());
            } catch (StepException e) {
                return new Result(outcome, note, Optional.of(e.getMessage()));
            }
        } finally {
            backup.ifPresent(Stager::deleteQuietly);
        }
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

    // A hard link keeps the rejected candidate's inode under the stage name once the backup is
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
