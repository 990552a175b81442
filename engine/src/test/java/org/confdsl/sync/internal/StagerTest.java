package org.confdsl.sync.internal;

import static org.confdsl.sync.Fixtures.gid;
import static org.confdsl.sync.Fixtures.mode;
import static org.confdsl.sync.Fixtures.resource;
import static org.confdsl.sync.Fixtures.stageFiles;
import static org.confdsl.sync.Fixtures.uid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagerTest {

    private final Stager stager = new Stager();

    @TempDir
    Path dir;

    @Test
    void stageFileIsHiddenBesideTheDestinationWithContentAndMode() throws Exception {
        Path dest = dir.resolve("cloud.conf");
        byte[] content = "server 10.0.0.1;\n".getBytes(StandardCharsets.UTF_8);
        Path staged = stager.stage(dest, content, new TargetAttributes(0640, Optional.empty(), Optional.empty(), false));

        assertEquals(dir, staged.getParent());
        String name = staged.getFileName().toString();
        assertTrue(name.matches("\\.cloud\\.conf\\.confdsl-\\d+"), name);
        assertFalse(FileSystems.getDefault().getPathMatcher("glob:*.conf").matches(staged.getFileName()),
                "nginx's include conf.d/*.conf must not pick up " + name);
        assertArrayEquals(content, Files.readAllBytes(staged));
        assertEquals(0640, mode(staged));
        assertFalse(Files.exists(dest));
    }

    @Test
    void setsOwnerAndGroupByNameOrNumber() throws Exception {
        var lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal nobody = lookup.lookupPrincipalByName("65534");
        GroupPrincipal adm = lookup.lookupPrincipalByGroupName("adm");
        Path staged = stager.stage(dir.resolve("a.conf"), new byte[] {1},
                new TargetAttributes(04750, Optional.of(nobody), Optional.of(adm), true));
        assertEquals(65534, uid(staged));
        assertEquals(4, gid(staged));
        // mode after chown: chown would have cleared the setuid bit
        assertEquals(04750, mode(staged));
    }

    @Test
    void missingDirectoryIsAnErrorWithoutMkdirs() {
        Path dest = dir.resolve("conf.d/app.conf");
        StepException e = assertThrows(StepException.class,
                () -> stager.ensureDirectory(resource(dest).build(), false));
        assertEquals("directory " + dir.resolve("conf.d")
                + " does not exist; create it or set `mkdirs true` on resource 'app'", e.getMessage());
        assertFalse(Files.exists(dir.resolve("conf.d")));
    }

    @Test
    void mkdirsCreatesParentsButNotInADryRun() throws Exception {
        Path dest = dir.resolve("a/b/app.conf");
        stager.ensureDirectory(resource(dest).mkdirs().build(), true);
        assertFalse(Files.exists(dir.resolve("a")));
        stager.ensureDirectory(resource(dest).mkdirs().build(), false);
        assertTrue(Files.isDirectory(dir.resolve("a/b")));
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsAnError() throws Exception {
        Files.writeString(dir.resolve("etc"), "not a directory");
        Path dest = dir.resolve("etc/app.conf");
        StepException e = assertThrows(StepException.class,
                () -> stager.ensureDirectory(resource(dest).mkdirs().build(), false));
        assertEquals("cannot write " + dest + ": " + dir.resolve("etc") + " is not a directory", e.getMessage());
    }

    @Test
    void writeFailureNamesTheDestination() {
        // As root nearly every write succeeds; a vanished directory is a failure we can produce.
        Path dest = dir.resolve("gone/app.conf");
        StepException e = assertThrows(StepException.class, () -> stager.stage(dest, new byte[] {1},
                new TargetAttributes(0644, Optional.empty(), Optional.empty(), false)));
        assertEquals("cannot write " + dest + ": no such file or directory", e.getMessage());
        assertEquals(0, stageFiles(dir).size());
    }

    @Test
    void backupCopiesBytesModeOwnerAndTime() throws Exception {
        Path dest = dir.resolve("app.conf");
        byte[] content = {0, 1, 2, (byte) 0xff, '\n'};
        Files.write(dest, content);
        Files.setAttribute(dest, "unix:mode", 0604);
        Files.setAttribute(dest, "unix:uid", 65534);
        Files.setAttribute(dest, "unix:gid", 4);
        Files.setLastModifiedTime(dest, FileTime.fromMillis(1_000_000_000_000L));

        Path backup = stager.backup(dest).orElseThrow();

        assertTrue(backup.getFileName().toString().startsWith(".app.conf.confdsl-backup-"));
        assertArrayEquals(content, Files.readAllBytes(backup));
        assertEquals(0604, mode(backup));
        assertEquals(65534, uid(backup));
        assertEquals(4, gid(backup));
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(backup));
    }

    @Test
    void backupOfAMissingFileIsEmpty() throws IOException, StepException {
        assertTrue(stager.backup(dir.resolve("none.conf")).isEmpty());
        assertEquals(0, stageFiles(dir).size());
    }
}
