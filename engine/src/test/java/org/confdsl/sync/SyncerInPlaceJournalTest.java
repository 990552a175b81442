package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.argv;
import static org.confdsl.sync.Fixtures.lines;
import static org.confdsl.sync.Fixtures.marking;
import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.confdsl.sync.Fixtures.stageFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.internal.FilePort;
import org.confdsl.sync.internal.Swapper;
import org.confdsl.sync.recovery.CommandJournal;
import org.confdsl.sync.recovery.Destinations;
import org.confdsl.sync.recovery.IntentJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-place check and its journal entry: cleared once the candidate is accepted (after its
 * reload is recorded) or the previous file is back; kept, with the backup, when the previous file
 * cannot be put back; and a check whose entry cannot be written changes nothing.
 */
class SyncerInPlaceJournalTest {

    @TempDir
    Path dir;

    private Path state() {
        return dir.resolve("state");
    }

    private Syncer syncer(PendingReloads pending, Swapper.Mover mover) {
        return new Syncer(new CommandRunner(), pending,
                new Destinations(IntentJournal.inDirectory(state()), CommandJournal.none(), FilePort.JDK, Duration.ofSeconds(1)),
                FilePort.JDK.renamingWith(mover));
    }

    private Syncer syncer() {
        return syncer(PendingReloads.inDirectory(state()), Swapper.ATOMIC);
    }

    /** Renames normally, except the {@code nth} rename, which fails as on a full disk. */
    private static Swapper.Mover failingRename(int nth) {
        AtomicInteger renames = new AtomicInteger();
        return (source, target) -> {
            if (renames.incrementAndGet() == nth) {
                throw new FileSystemException(source.toString(), target.toString(), "No space left on device");
            }
            Swapper.ATOMIC.move(source, target);
        };
    }

    private List<Path> journalEntries() throws Exception {
        Path journal = state().resolve("journal");
        if (!Files.isDirectory(journal)) {
            return List.of();
        }
        try (var files = Files.list(journal)) {
            return files.toList();
        }
    }

    @Test
    void anAcceptedCandidateLeavesNoJournalEntryAndNoBackup() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        ResourceModel r = resource(dest).checkInPlace(argv("grep", "-q", "new", "{{.src}}")).build();

        SyncResult result = syncer().sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome(), result.message());
        assertEquals("new\n", read(dest));
        assertEquals(List.of(), journalEntries());
        assertEquals(List.of(), stageFiles(dir));
    }

    @Test
    void aRejectedCandidateIsReplacedByThePreviousFileAndItsJournalEntryCleared() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        Path reloads = dir.resolve("reloads");
        ResourceModel r = resource(dest).checkInPlace(argv("false")).reload(marking(reloads, 0)).build();

        SyncResult result = syncer().sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.CHECK_FAILED, result.outcome());
        assertEquals("check 'false' exited 1; " + dest + " restored", result.message());
        assertEquals("old\n", read(dest));
        assertEquals(List.of(), journalEntries());
        assertEquals(List.of(), stageFiles(dir));
        assertEquals(0, lines(reloads));
    }

    @Test
    void aPreviousFileThatCannotBePutBackStaysInTheJournalWithItsBackupForTheNextStart() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        Path reloads = dir.resolve("reloads");
        ResourceModel r = resource(dest).checkInPlace(argv("sh", "-c", "echo 'emerg: bad'; exit 1"))
                .reload(marking(reloads, 0)).build();

        // rename 1 installs the candidate, rename 2 (the backup back over the destination) fails
        SyncResult result = syncer(PendingReloads.inDirectory(state()), failingRename(2)).sync(r, rendered("new\n"),
                SyncOptions.DEFAULT);

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("check 'sh -c \"echo 'emerg: bad'; exit 1\"' exited 1; the previous " + dest
                + " could not be restored: cannot write " + dest + ": no space left on device", result.message());
        assertEquals("emerg: bad\n", result.commandOutput());
        assertEquals(0, lines(reloads), "a rejected candidate is never reloaded");
        Optional<IntentJournal.InPlaceCheck> left = IntentJournal.inDirectory(state()).read(dest);
        assertTrue(left.isPresent(), "the next start must put the previous file back");
        assertEquals("old\n", read(left.get().backup().orElseThrow()));

        // the next pass (or start) finishes the restore first
        SyncResult next = syncer().sync(r, rendered("new\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.CHECK_FAILED, next.outcome(), next.message());
        assertEquals("old\n", read(dest));
        assertEquals(List.of(), journalEntries());
        assertEquals(List.of(), stageFiles(dir));
    }

    @Test
    void aJournalThatCannotBeWrittenStopsTheCheckBeforeAnythingChanges() throws Exception {
        Files.writeString(state(), "a file where the state directory should be");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        Path checks = dir.resolve("checks");
        ResourceModel r = resource(dest).checkInPlace(marking(checks, 0)).build();

        SyncResult result = syncer(PendingReloads.inMemory(), Swapper.ATOMIC).sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().startsWith("cannot record the in-place check of " + dest + " in the journal: "),
                result.message());
        assertTrue(result.message().endsWith("; nothing was changed (is the state directory writable?)"), result.message());
        assertEquals("old\n", read(dest));
        assertEquals(0, lines(checks), "no check without its journal entry");
        assertEquals(List.of(), stageFiles(dir), "neither the stage file nor the backup is left");
    }

    @Test
    void aCandidateThatCannotBeInstalledLeavesThePreviousFileAndNoJournalEntry() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        Path checks = dir.resolve("checks");
        ResourceModel r = resource(dest).checkInPlace(marking(checks, 0)).build();

        SyncResult result = syncer(PendingReloads.inMemory(), failingRename(1)).sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("cannot write " + dest + ": no space left on device", result.message());
        assertEquals("old\n", read(dest));
        assertEquals(0, lines(checks));
        assertEquals(List.of(), journalEntries());
        assertEquals(List.of(), stageFiles(dir));
    }

    /** Pending reloads in memory that note, at each change, whether the in-place check's journal entry is still there. */
    private final class Watching implements PendingReloads {
        final PendingReloads inner = PendingReloads.inMemory();
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean refuse;

        @Override
        public boolean isPending(ResourceModel resource) {
            return inner.isPending(resource);
        }

        @Override
        public void markPending(ResourceModel resource) {
            if (refuse) {
                throw new UncheckedIOException("cannot record the pending reload in " + state(),
                        new java.io.IOException("no space left on device"));
            }
            events.add("pending, journal entry " + entryState(resource));
            inner.markPending(resource);
        }

        @Override
        public void clear(ResourceModel resource) {
            events.add("clear, journal entry " + entryState(resource));
            inner.clear(resource);
        }

        private String entryState(ResourceModel resource) {
            return IntentJournal.inDirectory(state()).read(resource.dest()).isPresent() ? "present" : "gone";
        }
    }

    @Test
    void anAcceptedCandidatesReloadIsRecordedBeforeTheJournalLetsGoOfIt() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        Path reloads = dir.resolve("reloads");
        ResourceModel r = resource(dest).checkInPlace(argv("true")).reload(marking(reloads, 0)).build();
        Watching pending = new Watching();

        SyncResult result = syncer(pending, Swapper.ATOMIC).sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome(), result.message());
        assertEquals(List.of("pending, journal entry present", "clear, journal entry gone"), pending.events);
        assertEquals(1, lines(reloads));
        assertFalse(pending.isPending(r));
    }

    @Test
    void anAcceptedCandidateWithoutAReloadRecordsNone() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        ResourceModel r = resource(dest).checkInPlace(argv("true")).build();
        Watching pending = new Watching();

        SyncResult result = syncer(pending, Swapper.ATOMIC).sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome(), result.message());
        assertEquals(List.of(), pending.events);
        assertFalse(pending.isPending(r));
    }

    @Test
    void anAcceptedCandidateWhoseReloadCannotBeRecordedIsTakenBackOut() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        Path reloads = dir.resolve("reloads");
        ResourceModel r = resource(dest).checkInPlace(argv("true")).reload(marking(reloads, 0)).build();
        Watching pending = new Watching();
        pending.refuse = true;

        SyncResult result = syncer(pending, Swapper.ATOMIC).sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("cannot record the pending reload in " + state() + "; nothing was changed", result.message());
        assertEquals("old\n", read(dest));
        assertEquals(0, lines(reloads));
        assertEquals(List.of(), journalEntries());
        assertEquals(List.of(), stageFiles(dir));
    }
}
