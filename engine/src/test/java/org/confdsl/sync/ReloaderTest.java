package org.confdsl.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.confdsl.model.ResourceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pending-reload bookkeeping around a swap: announced before, forgotten when it did not happen. */
class ReloaderTest {

    @TempDir
    Path dir;

    @Test
    void dueSaysWhetherAReloadWasPendingAlreadyAndLeavesOnePending() throws Exception {
        PendingReloads pending = PendingReloads.inMemory();
        Reloader reloader = new Reloader(new CommandRunner(), pending);
        ResourceModel resource = Fixtures.resource(dir.resolve("app.conf")).build();

        assertFalse(reloader.due(resource), "nothing was pending");
        assertTrue(reloader.isPending(resource));
        assertTrue(reloader.due(resource), "now one was");
        assertTrue(reloader.isPending(resource));

        reloader.notDue(resource);

        assertFalse(reloader.isPending(resource));
        assertFalse(pending.isPending(resource));
    }

    @Test
    void aFailedReloadBecomesPendingWithTheRetryNotedAndASuccessfulOneClearsIt() throws Exception {
        PendingReloads pending = PendingReloads.inMemory();
        Reloader reloader = new Reloader(new CommandRunner(), pending);
        ResourceModel resource = Fixtures.resource(dir.resolve("app.conf")).build();

        StepOutcome failed = reloader.reload(resource, Fixtures.argv("false"));
        assertFalse(failed.ok());
        assertEquals("reload 'false' exited 1; retried at the next pass", failed.message());
        assertTrue(pending.isPending(resource));

        StepOutcome ok = reloader.reload(resource, Fixtures.argv("true"));
        assertTrue(ok.ok());
        assertFalse(pending.isPending(resource));
    }
}
