package org.confdsl.sync.internal;

import static org.confdsl.sync.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetAttributesTest {

    private final UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();

    @TempDir
    Path dir;

    @Test
    void newFileGets0644AndNoOwnerChange() throws Exception {
        TargetAttributes t = TargetAttributes.resolve(resource(dir.resolve("a")).build(), Optional.empty());
        assertEquals(0644, t.mode());
        assertTrue(t.owner().isEmpty());
        assertTrue(t.group().isEmpty());
    }

    @Test
    void existingFileKeepsItsModeOwnerAndGroup() throws Exception {
        Path dest = Files.writeString(dir.resolve("a"), "x");
        Files.setAttribute(dest, "unix:mode", 0600);
        Files.setAttribute(dest, "unix:gid", 4);
        FileMeta meta = FileMeta.read(dest).orElseThrow();
        TargetAttributes t = TargetAttributes.resolve(resource(dest).build(), Optional.of(meta));
        assertEquals(0600, t.mode());
        assertEquals(Files.getOwner(dest), t.owner().orElseThrow());
        assertEquals(lookup.lookupPrincipalByGroupName("4"), t.group().orElseThrow());
        assertTrue(t.matches(meta));
    }

    @Test
    void aFileOfAnotherUserPassesOnNeitherOwnerNorModeNorGroup() throws Exception {
        Path dest = Files.writeString(dir.resolve("a"), "x");
        UserPrincipal me = Files.getOwner(dest);
        Files.setAttribute(dest, "unix:mode", 0600);
        Files.setAttribute(dest, "unix:uid", 65534);
        Files.setAttribute(dest, "unix:gid", 65534);
        FileMeta meta = FileMeta.read(dest).orElseThrow();

        TargetAttributes t = TargetAttributes.resolve(resource(dest).build(), Optional.of(meta));

        assertEquals(TargetAttributes.DEFAULT_MODE, t.mode());
        assertEquals(me, t.owner().orElseThrow(), "the new file belongs to the running user");
        assertTrue(t.group().isEmpty());
        assertEquals(List.of("mode 0600 -> 0644", "owner nobody -> " + me.getName()), t.changesFrom(meta));
    }

    @Test
    void aFileOfAnotherUserTakesTheResourcesOwnerAndModeWhenItNamesThem() throws Exception {
        Path dest = Files.writeString(dir.resolve("a"), "x");
        Files.setAttribute(dest, "unix:uid", 65534);
        FileMeta meta = FileMeta.read(dest).orElseThrow();

        TargetAttributes t = TargetAttributes.resolve(resource(dest).owner("nobody").mode(0640).build(), Optional.of(meta));

        assertEquals(0640, t.mode());
        assertEquals(lookup.lookupPrincipalByName("nobody"), t.owner().orElseThrow());
    }

    @Test
    void resourceWinsAndChangesAreNamed() throws Exception {
        Path dest = Files.writeString(dir.resolve("a"), "x");
        Files.setAttribute(dest, "unix:mode", 0600);
        FileMeta meta = FileMeta.read(dest).orElseThrow();
        TargetAttributes t = TargetAttributes.resolve(
                resource(dest).mode(0644).owner("nobody").group("65534").build(), Optional.of(meta));
        assertEquals(List.of("mode 0600 -> 0644", "owner root -> nobody", "group root -> 65534"), t.changesFrom(meta));
    }

    @Test
    void unknownOwnerOrGroupIsAnError() {
        StepException owner = assertThrows(StepException.class, () -> TargetAttributes.resolve(
                resource(dir.resolve("a")).owner("no-such-user-x").build(), Optional.empty()));
        assertEquals("owner 'no-such-user-x' does not exist", owner.getMessage());
        StepException group = assertThrows(StepException.class, () -> TargetAttributes.resolve(
                resource(dir.resolve("a")).group("no-such-group-x").build(), Optional.empty()));
        assertEquals("group 'no-such-group-x' does not exist", group.getMessage());
    }
}
