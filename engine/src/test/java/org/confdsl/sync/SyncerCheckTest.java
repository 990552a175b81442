package org.confdsl.sync;

import static org.confdsl.sync.Fixtures.argv;
import static org.confdsl.sync.Fixtures.lines;
import static org.confdsl.sync.Fixtures.marking;
import static org.confdsl.sync.Fixtures.mode;
import static org.confdsl.sync.Fixtures.read;
import static org.confdsl.sync.Fixtures.rendered;
import static org.confdsl.sync.Fixtures.resource;
import static org.confdsl.sync.Fixtures.stageFiles;
import static org.confdsl.sync.Fixtures.uid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.ResourceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check step, on the stage file and in place. */
class SyncerCheckTest {

    @TempDir
    Path dir;

    private final Syncer syncer = new Syncer(new CommandRunner(), PendingReloads.inMemory());

    /** A check that fails when the file it is given contains BAD, printing a complaint. */
    private static CommandSpec rejectingBad(String placeholder) {
        return argv("sh", "-c", "if grep -q BAD \"$1\"; then echo \"nginx: [emerg] unexpected BAD in $1\"; exit 1; fi",
                "sh", placeholder);
    }

    private Path existing(String content) throws Exception {
        Path dest = Files.writeString(dir.resolve("cloud.conf"), content);
        Files.setAttribute(dest, "unix:mode", 0640);
        Files.setAttribute(dest, "unix:uid", 65534);
        Files.setLastModifiedTime(dest, FileTime.fromMillis(1_000_000_000_000L));
        return dest;
    }

    @Test
    void checkSeesTheStagedFileThroughBothPlaceholders() throws Exception {
        Path copy = dir.resolve("copy");
        Path paths = dir.resolve("paths");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "old\n");
        CommandSpec check = argv("sh", "-c", "cat \"$1\" > \"$3\"; printf '%s\\n%s\\n%s\\n' \"$1\" \"$2\" \"$(cat \"$4\")\" > \"$5\"",
                "sh", "{{.src}}", "${src}", copy.toString(), "{{.dest}}", paths.toString());

        SyncResult result = syncer.sync(resource(dest).check(check).build(), rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome());
        assertEquals("new\n", read(copy), "the check read the candidate");
        List<String> seen = Files.readAllLines(paths);
        assertEquals(seen.get(0), seen.get(1));
        Path staged = Path.of(seen.get(0));
        assertEquals(dir, staged.getParent());
        assertTrue(staged.getFileName().toString().startsWith(".cloud.conf.confdsl-"), staged.toString());
        assertEquals("old", seen.get(2), "the destination was untouched while the check ran");
    }

    @Test
    void checkFailureLeavesTheDestinationByteIdentical() throws Exception {
        Path reloads = dir.resolve("reloads");
        Path dest = existing("server 10.0.0.1;\n");
        byte[] before = Files.readAllBytes(dest);
        Object inode = Files.getAttribute(dest, "unix:ino");
        ResourceModel r = resource(dest).check(rejectingBad("{{.src}}")).reload(marking(reloads, 0)).build();

        SyncResult result = syncer.sync(r, rendered("server BAD;\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.CHECK_FAILED, result.outcome());
        assertTrue(result.message().startsWith("check 'sh -c "), result.message());
        assertTrue(result.message().endsWith("exited 1; " + dest + " left as it was"), result.message());
        assertTrue(result.commandOutput().startsWith("nginx: [emerg] unexpected BAD in " + dir + "/.cloud.conf.confdsl-"),
                result.commandOutput());
        assertArrayEquals(before, Files.readAllBytes(dest));
        assertEquals(inode, Files.getAttribute(dest, "unix:ino"));
        assertEquals(List.of(), stageFiles(dir));
        assertEquals(0, lines(reloads));
    }

    @Test
    void checkTimeoutIsACheckFailure() throws Exception {
        Path dest = existing("old\n");
        CommandSpec slow = new CommandSpec(List.of("sleep", "30"), false, Duration.ofMillis(300));
        SyncResult result = syncer.sync(resource(dest).check(slow).build(), rendered("new\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.CHECK_FAILED, result.outcome());
        assertEquals("check 'sleep 30' timed out after 300ms and was killed; " + dest + " left as it was", result.message());
        assertEquals("old\n", read(dest));
    }

    @Test
    void missingCheckExecutableIsACheckFailure() throws Exception {
        Path dest = existing("old\n");
        SyncResult result = syncer.sync(resource(dest).check(argv("nginxx", "-t")).build(), rendered("new\n"),
                SyncOptions.DEFAULT);
        assertEquals(Outcome.CHECK_FAILED, result.outcome());
        assertEquals("check 'nginxx -t' exited 127: command 'nginxx' not found; " + dest + " left as it was",
                result.message());
        assertEquals("old\n", read(dest));
    }

    @Test
    void checkInPlaceSeesTheInstalledCandidate() throws Exception {
        Path copy = dir.resolve("copy");
        Path reloads = dir.resolve("reloads");
        Path dest = existing("old\n");
        CommandSpec check = argv("sh", "-c", "[ \"$1\" = \"$2\" ] && cp \"$1\" \"$3\"", "sh", "{{.src}}", dest.toString(),
                copy.toString());

        SyncResult result = syncer.sync(resource(dest).checkInPlace(check).reload(marking(reloads, 0)).build(),
                rendered("new\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.UPDATED, result.outcome(), result.message());
        assertEquals("new\n", read(copy), "{{.src}} is the destination, already holding the candidate");
        assertEquals("new\n", read(dest));
        assertEquals(0644, mode(dest), "the previous file belonged to another user: it passes on no mode");
        assertEquals(1, lines(reloads));
        assertEquals(List.of(), stageFiles(dir), "no stage file and no backup left");
    }

    @Test
    void checkInPlaceFailureRestoresThePreviousFileExactlyAndNeverReloads() throws Exception {
        Path reloads = dir.resolve("reloads");
        Path dest = existing("server 10.0.0.1;\n# \u00e9t\u00e9, no final newline");
        byte[] before = Files.readAllBytes(dest);
        ResourceModel r = resource(dest).mode(0644).owner("root").checkInPlace(rejectingBad("${src}"))
                .reload(marking(reloads, 0)).build();

        SyncResult result = syncer.sync(r, rendered("server BAD;\n"), SyncOptions.DEFAULT);

        assertEquals(Outcome.CHECK_FAILED, result.outcome());
        assertTrue(result.message().endsWith("exited 1; " + dest + " restored"), result.message());
        assertEquals("nginx: [emerg] unexpected BAD in " + dest + "\n", result.commandOutput(),
                "the check ran against the installed file");
        assertArrayEquals(before, Files.readAllBytes(dest));
        assertEquals(0640, mode(dest));
        assertEquals(65534, uid(dest));
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(dest));
        assertEquals(0, lines(reloads));
        assertEquals(List.of(), stageFiles(dir));
    }

    @Test
    void checkInPlaceFailureRemovesAFileThatDidNotExist() throws Exception {
        Path dest = dir.resolve("cloud.conf");
        SyncResult result = syncer.sync(resource(dest).checkInPlace(rejectingBad("{{.dest}}")).build(),
                rendered("BAD\n"), SyncOptions.DEFAULT);
        assertEquals(Outcome.CHECK_FAILED, result.outcome());
        assertFalse(Files.exists(dest));
        assertEquals(List.of(), stageFiles(dir));
    }

    @Test
    void checkInPlaceKeepsTheRejectedCandidateWhenAsked() throws Exception {
        Path dest = existing("good\n");
        SyncResult result = syncer.sync(resource(dest).checkInPlace(rejectingBad("{{.src}}")).build(),
                rendered("BAD\n"), new SyncOptions(false, false, true));
        assertEquals(Outcome.CHECK_FAILED, result.outcome());
        assertEquals("good\n", read(dest));
        List<Path> kept = stageFiles(dir);
        assertEquals(1, kept.size());
        assertEquals("BAD\n", read(kept.get(0)));
    }
}
