package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.gid;
import static org.confdsl.sync.Fixtures.lines;
import static org.confdsl.sync.Fixtures.marking;
import static org.confdsl.sync.Fixtures.mode;
import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.confdsl.sync.Fixtures.stageFiles;
import static org.confdsl.sync.Fixtures.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.confdsl.model.ResourceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain path: new files, attributes, in sync, changed. */
class SyncerTest {

    @TempDir
    Path dir;

    private final Syncer syncer = new Syncer(new CommandRunner(), PendingReloads.inMemory());

    @Test
    void createsANewFileWith0644() throws Exception {
        Path dest = dir.resolve("cloud.conf");
        SyncResult result = syncer.sync(resource(dest).build(), rendered("upstream a {}\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome());
        assertEquals("", result.message());
        assertEquals("app", result.resource());
        assertEquals(dest, result.dest());
        assertEquals(42, result.revision());
        assertEquals("upstream a {}\n", read(dest));
        assertEquals(0644, mode(dest));
        assertEquals(0, stageFiles(dir).size());
    }

    @Test
    void setsTheModeOwnerAndGroupTheResourceAsksFor() throws Exception {
        Path dest = dir.resolve("cloud.conf");
        ResourceModel r = resource(dest).mode(0640).owner("nobody").group("adm").build();
        assertEquals(Outcome.UPDATED, syncer.sync(r, rendered("x\n"), SyncOptions.DEFAULT).outcome());
        assertEquals(0640, mode(dest));
        assertEquals(65534, uid(dest));
        assertEquals(4, gid(dest));

        ResourceModel numeric = resource(dest).mode(0600).owner("0").group("0").build();
        assertEquals(Outcome.UPDATED, syncer.sync(numeric, rendered("x\n"), SyncOptions.DEFAULT).outcome(),
                "only the owner changed, and that is a change");
        assertEquals(0600, mode(dest));
        assertEquals(0, uid(dest));
        assertEquals(0, gid(dest));
    }

    @Test
    void keepsTheExistingModeOwnerAndGroup() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        int me = uid(dest);
        Files.setAttribute(dest, "unix:mode", 0604);
        Files.setAttribute(dest, "unix:gid", 4);

        assertEquals(Outcome.UPDATED, syncer.sync(resource(dest).build(), rendered("new\n"), SyncOptions.DEFAULT).outcome());

        assertEquals("new\n", read(dest));
        assertEquals(0604, mode(dest));
        assertEquals(me, uid(dest));
        assertEquals(4, gid(dest));
    }

    @Test
    void inSyncRunsNothing() throws Exception {
        Path checks = dir.resolve("checks");
        Path reloads = dir.resolve("reloads");
        Path dest = dir.resolve("cloud.conf");
        ResourceModel r = resource(dest).check(marking(checks, 0)).reload(marking(reloads, 0)).build();

        assertEquals(Outcome.UPDATED, syncer.sync(r, rendered("a\n"), SyncOptions.DEFAULT).outcome());
        Object inode = Files.getAttribute(dest, "unix:ino");
        SyncResult again = syncer.sync(r, rendered("a\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.IN_SYNC, again.outcome());
        assertEquals("", again.message());
        assertEquals(1, lines(checks));
        assertEquals(1, lines(reloads));
        assertEquals(inode, Files.getAttribute(dest, "unix:ino"), "the file was not rewritten");
        assertEquals(0, stageFiles(dir).size());
    }

    @Test
    void changedContentIsSwappedInAndReloadedOnce() throws Exception {
        Path reloads = dir.resolve("reloads");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "server 10.0.0.1;\n");
        ResourceModel r = resource(dest).reload(marking(reloads, 0)).build();

        SyncResult result = syncer.sync(r, rendered("server 10.0.0.2;\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome());
        assertEquals("", result.commandOutput());
        assertEquals("server 10.0.0.2;\n", read(dest));
        assertEquals(1, lines(reloads));
    }

    @Test
    void aModeChangeAloneIsAnUpdate() throws Exception {
        Path reloads = dir.resolve("reloads");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "same\n");
        Files.setAttribute(dest, "unix:mode", 0600);
        ResourceModel r = resource(dest).mode(0644).reload(marking(reloads, 0)).build();

        assertEquals(Outcome.UPDATED, syncer.sync(r, rendered("same\n"), SyncOptions.DEFAULT).outcome());
        assertEquals(0644, mode(dest));
        assertEquals(1, lines(reloads));
        assertEquals(Outcome.IN_SYNC, syncer.sync(r, rendered("same\n"), SyncOptions.DEFAULT).outcome());
    }

    @Test
    void missingDirectoryFailsWithoutMkdirs() throws Exception {
        Path reloads = dir.resolve("reloads");
        Path dest = dir.resolve("conf.d/cloud.conf");
        SyncResult result = syncer.sync(resource(dest).reload(marking(reloads, 0)).build(), rendered("a\n"),
                SyncOptions.DEFAULT);

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("directory " + dir.resolve("conf.d")
                + " does not exist; create it or set `mkdirs true` on resource 'app'", result.message());
        assertFalse(Files.exists(dir.resolve("conf.d")));
        assertEquals(0, lines(reloads));
    }

    @Test
    void missingDirectoryIsCreatedWithMkdirs() throws Exception {
        Path dest = dir.resolve("nginx/conf.d/cloud.conf");
        SyncResult result = syncer.sync(resource(dest).mkdirs().build(), rendered("a\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.UPDATED, result.outcome());
        assertEquals("a\n", read(dest));
    }

    @Test
    void unknownOwnerFailsAndWritesNothing() throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        SyncResult result = syncer.sync(resource(dest).owner("no-such-user-x").build(), rendered("new\n"),
                SyncOptions.DEFAULT);
        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("owner 'no-such-user-x' does not exist", result.message());
        assertEquals("old\n", read(dest));
        assertEquals(0, stageFiles(dir).size());
    }

    @Test
    void binaryContentIsWrittenByteForByte() throws Exception {
        Path dest = dir.resolve("blob");
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        var r = new org.confdsl.template.Rendered(bytes, new java.util.TreeSet<>(), 7);
        assertEquals(Outcome.UPDATED, syncer.sync(resource(dest).build(), r, SyncOptions.DEFAULT).outcome());
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(dest)));
        assertEquals(Outcome.IN_SYNC, syncer.sync(resource(dest).build(), r, SyncOptions.DEFAULT).outcome());
    }
}
