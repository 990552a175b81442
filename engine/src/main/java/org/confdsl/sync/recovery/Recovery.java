package org.confdsl.sync.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.confdsl.sync.internal.FilePort;
import org.confdsl.sync.internal.Stager;
import org.confdsl.sync.internal.StepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes or undoes, for one destination, what a dead process began: the normal start path of
 * every process that takes a destination's lock, not a separate repair mode.
 *
 * <ol>
 *   <li>an in-place check in the {@link IntentJournal}: the previous file goes back (the backup is
 *       renamed over the destination; a destination that did not exist before is removed), as
 *       the failed check would have done. The candidate was never reloaded, and the next pass
 *       renders and checks it again;
 *   <li>its stale stage and backup files ({@code .NAME.confdsl-*}) beside the destination are
 *       removed; files kept on purpose ({@code .NAME.confdsl-kept-*}) and the lock stay.
 * </ol>
 *
 * A reload that was due when the process died is not done here: it was recorded as pending
 * before the swap, and the next pass runs it. Call only while holding the destination's lock.
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final IntentJournal journal;
    private final FilePort files;

    public Recovery(IntentJournal journal, FilePort files) {
        this.journal = journal;
        this.files = files;
    }

    /**
     * Recovers {@code dest}.
     *
     * @return what was done, one phrase each (empty when there was nothing to do)
     * @throws StepException when the previous file cannot be put back; the journal entry then stays
     */
    public List<String> recover(Path dest) throws StepException {
        List<String> done = new ArrayList<>();
        Optional<IntentJournal.InPlaceCheck> check = journal.read(dest);
        if (check.isPresent()) {
            done.add(undo(check.get()));
            journal.done(dest);
        }
        int removed = removeLeftovers(dest);
        if (removed > 0) {
            done.add("removed " + removed + " stale stage file" + (removed == 1 ? "" : "s"));
        }
        if (!done.isEmpty()) {
            LOG.warn("{}: recovered after an interrupted run: {}", dest, String.join("; ", done));
        }
        return done;
    }

    private String undo(IntentJournal.InPlaceCheck check) throws StepException {
        Path dest = check.dest();
        Path dir = dest.toAbsolutePath().getParent();
        try {
            if (check.backup().isEmpty()) {
                Files.deleteIfExists(dest);
                files.forceDirectory(dir);
                return "removed the unchecked candidate of an interrupted in-place check (there was no previous file)";
            }
            Path backup = check.backup().get();
            if (!Files.exists(backup)) {
                // The previous file was put back already, just before the process died.
                return "the interrupted in-place check had already restored the previous file";
            }
            files.rename(backup, dest);
            files.forceDirectory(dir);
            return "restored the previous file over the unchecked candidate of an interrupted in-place check";
        } catch (IOException e) {
            throw new StepException("cannot restore " + dest + " after an interrupted in-place check: " + e.getMessage()
                    + "; the previous file is " + check.backup().map(Path::toString).orElse("(none)")
                    + ", journal " + journal.entryOf(dest).map(Path::toString).orElse(""), e);
        }
    }

    private static int removeLeftovers(Path dest) {
        Path dir = dest.toAbsolutePath().getParent();
        String prefix = "." + dest.getFileName() + Stager.MARK;
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && !name.startsWith(prefix + Stager.KEPT) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot remove stale stage files of {}: {}", dest, e.getMessage());
        }
        return removed;
    }
}
