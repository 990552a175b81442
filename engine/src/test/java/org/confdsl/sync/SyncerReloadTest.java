package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.argv;
import static org.confdsl.sync.Fixtures.lines;
import static org.confdsl.sync.Fixtures.marking;
import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.ResourceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reload step and pending reloads. */
class SyncerReloadTest {

    @TempDir
    Path dir;

    private Path reloads;
    private Path healthy;

    /** Appends to {@code reloads}; succeeds only once the {@code healthy} flag file exists. */
    private ResourceModel flakyReload(Path dest) {
        reloads = dir.resolve("reloads");
        healthy = dir.resolve("healthy");
        CommandSpec reload = argv("sh", "-c", "echo \"$1\" >> \"$2\"; test -e \"$3\" || { echo 'nginx: [alert] no pid'; exit 1; }",
                "sh", "${dest}", reloads.toString(), healthy.toString());
        return resource(dest).reload(reload).build();
    }

    private void failThenRetry(Supplier<Syncer> syncers) throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        ResourceModel r = flakyReload(dest);

        SyncResult first = syncers.get().sync(r, rendered("new\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.RELOAD_FAILED, first.outcome());
        assertTrue(first.message().endsWith("exited 1; retried at the next pass"), first.message());
        assertEquals("nginx: [alert] no pid\n", first.commandOutput());
        assertEquals("new\n", read(dest), "the destination stays as written");
        assertEquals(List.of(dest.toString()), Files.readAllLines(reloads), "{{.dest}} is the destination");

        SyncResult second = syncers.get().sync(r, rendered("new\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.RELOAD_FAILED, second.outcome(), "in sync, but the reload is retried");
        assertTrue(second.message().startsWith("in sync; retried the pending reload; reload 'sh -c"), second.message());
        assertEquals(2, lines(reloads));

        Files.createFile(healthy);
        SyncResult third = syncers.get().sync(r, rendered("new\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.UPDATED, third.outcome());
        assertEquals("in sync; retried the pending reload", third.message());
        assertEquals(3, lines(reloads));

        SyncResult fourth = syncers.get().sync(r, rendered("new\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.IN_SYNC, fourth.outcome(), "a successful reload clears the record");
        assertEquals(3, lines(reloads));
    }

    @Test
    void failedReloadIsRetriedByTheSameSyncer() throws Exception {
        Syncer syncer = new Syncer(new CommandRunner(), PendingReloads.inMemory());
        failThenRetry(() -> syncer);
    }

    @Test
    void failedReloadIsRetriedByALaterProcess() throws Exception {
        Path state = dir.resolve("state");
        // A new Syncer and a new PendingReloads every pass, as with `confdsl run --once` from cron.
        failThenRetry(() -> new Syncer(new CommandRunner(), PendingReloads.inDirectory(state)));
    }

    @Test
    void aNewRenderWhileAReloadIsPendingReloadsOnce() throws Exception {
        PendingReloads pending = PendingReloads.inMemory();
        Syncer syncer = new Syncer(new CommandRunner(), pending);
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        ResourceModel r = flakyReload(dest);
        assertEquals(Outcome.RELOAD_FAILED, syncer.sync(r, rendered("new\n"), SyncOptions.DEFAULT).outcome());
        Files.createFile(healthy);

        assertEquals(Outcome.UPDATED, syncer.sync(r, rendered("newer\n"), SyncOptions.DEFAULT).outcome());
        assertEquals(2, lines(reloads));
        assertFalse(pending.isPending(r));
    }

    @Test
    void reloadTimeoutIsAReloadFailure() throws Exception {
        PendingReloads pending = PendingReloads.inMemory();
        Syncer syncer = new Syncer(new CommandRunner(Duration.ofMillis(200)), pending);
        Path dest = dir.resolve("cloud.conf");
        CommandSpec slow = new CommandSpec(List.of("sh", "-c", "sleep 30"), false, Duration.ofMillis(300));
        ResourceModel r = resource(dest).reload(slow).build();

        SyncResult result = syncer.sync(r, rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.RELOAD_FAILED, result.outcome());
        assertEquals("reload 'sh -c \"sleep 30\"' timed out after 300ms and was killed; retried at the next pass",
                result.message());
        assertEquals("new\n", read(dest));
        assertTrue(pending.isPending(r));
    }

    @Test
    void aReloadThatCannotBeRecordedBeforeTheSwapStopsThePassBeforeItChangesAnything() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "");
        Path reloads = dir.resolve("reloads");
        Syncer syncer = new Syncer(new CommandRunner(), PendingReloads.inDirectory(file.resolve("state")));
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        SyncResult result = syncer.sync(resource(dest).reload(marking(reloads, 0)).build(), rendered("x\n"),
                SyncOptions.DEFAULT);
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().startsWith("cannot record the pending reload in "), result.message());
        assertTrue(result.message().endsWith("; nothing was changed"), result.message());
        assertEquals("old\n", read(dest), "no swap without its reload recorded first");
        assertEquals(0, lines(reloads));
    }
}
