package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.internal.FilePort;
import org.confdsl.sync.recovery.CommandJournal;
import org.confdsl.sync.recovery.Destinations;
import org.confdsl.sync.recovery.IntentJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon's syncer claims its destinations at start and holds them until {@link Syncer#release}:
 * meanwhile another writer (a one-shot run, here a second syncer of the same JVM) is refused, naming
 * the daemon; after the release it gets them.
 */
class SyncerClaimTest {

    @TempDir
    Path dir;

    /** A one-shot run: enters each destination for one sync and does not wait for a holder. */
    private static Syncer oneShot() {
        return new Syncer(new CommandRunner(), PendingReloads.inMemory(),
                new Destinations(IntentJournal.none(), CommandJournal.none(), FilePort.JDK, Duration.ZERO));
    }

    private static Syncer daemon(Path state) {
        return new Syncer(new CommandRunner(), PendingReloads.inMemory(),
                new Destinations(IntentJournal.inDirectory(state), CommandJournal.none(), FilePort.JDK, Duration.ZERO));
    }

    private static void assertRefusedByTheDaemon(SyncResult result, Path dest) {
        assertEquals(Outcome.FAILED, result.outcome(), result.message());
        assertTrue(result.message().startsWith(dest + " is being written by confdsl daemon (pid "
                + ProcessHandle.current().pid() + " on host "), result.message());
        assertTrue(result.message().endsWith(" (this process); one confdsl per destination: stop that one, or wait for it to finish"),
                result.message());
    }

    @Test
    void aClaimedDestinationRefusesOtherWritersUntilItIsReleased() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        ResourceModel r = resource(dest).build();
        Syncer daemon = daemon(dir.resolve("state"));
        daemon.claim(List.of(r));
        try {
            SyncResult refused = oneShot().sync(r, rendered("other\n"), SyncOptions.DEFAULT);
            assertRefusedByTheDaemon(refused, dest);
            assertEquals("old\n", read(dest));

            SyncResult own = daemon.sync(r, rendered("new\n"), SyncOptions.DEFAULT);
            assertEquals(Outcome.UPDATED, own.outcome(), own.message());
            assertEquals("new\n", read(dest));
        } finally {
            daemon.release();
        }

        SyncResult after = oneShot().sync(r, rendered("other\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.UPDATED, after.outcome(), after.message());
        assertEquals("other\n", read(dest));
    }

    @Test
    void claimCreatesTheDirectoryOfAMkdirsResourceAndClaimsItsDestination() throws Exception {
        Path dest = dir.resolve("conf.d").resolve("cloud.conf");
        ResourceModel r = resource(dest).mkdirs().build();
        Syncer daemon = daemon(dir.resolve("state"));
        daemon.claim(List.of(r));
        try {
            assertTrue(Files.isDirectory(dest.getParent()), "the directory is made at claim time");
            assertRefusedByTheDaemon(oneShot().sync(r, rendered("other\n"), SyncOptions.DEFAULT), dest);
            assertEquals(false, Files.exists(dest));
        } finally {
            daemon.release();
        }
    }

    @Test
    void aDestinationThatCannotBeResolvedYetIsLeftToEachPassAndTheOthersAreStillClaimed() throws Exception {
        Path missing = dir.resolve("missing").resolve("a.conf");
        Path dest = Files.writeString(dir.resolve("b.conf"), "old\n");
        ResourceModel notYet = resource(missing).name("a").build();
        ResourceModel r = resource(dest).name("b").build();
        Syncer daemon = daemon(dir.resolve("state"));
        daemon.claim(List.of(notYet, r));
        try {
            assertRefusedByTheDaemon(oneShot().sync(r, rendered("other\n"), SyncOptions.DEFAULT), dest);

            SyncResult pass = daemon.sync(notYet, rendered("x\n"), SyncOptions.DEFAULT);
            assertEquals(Outcome.FAILED, pass.outcome());
            assertEquals("directory " + missing.getParent() + " does not exist; create it or set `mkdirs true` on resource 'a'",
                    pass.message());

            Files.createDirectories(missing.getParent());
            SyncResult later = daemon.sync(notYet, rendered("x\n"), SyncOptions.DEFAULT);
            assertEquals(Outcome.UPDATED, later.outcome(), later.message());
            assertEquals("x\n", read(missing));
        } finally {
            daemon.release();
        }
    }

    @Test
    void claimUndoesAnUnfinishedInPlaceCheckBeforeTheFirstPass() throws Exception {
        Path state = dir.resolve("state");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "candidate\n");
        Path backup = Files.writeString(dir.resolve(".cloud.conf.confdsl-backup-1"), "previous\n");
        IntentJournal.inDirectory(state).checkingInPlace(dest, Optional.of(backup));
        Syncer daemon = daemon(state);

        daemon.claim(List.of(resource(dest).build()));
        try {
            assertEquals("previous\n", read(dest));
            assertEquals(false, Files.exists(backup));
            assertEquals(Optional.empty(), IntentJournal.inDirectory(state).read(dest));
        } finally {
            daemon.release();
        }
    }
}
