package org.confdsl.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UnifiedDiff#ofDestination} (what {@code render --diff} shows) reads the destination the way
 * a sync writes it: through a trusted symlink to its target, never through another user's link.
 * The refusal needs a link of another user: run as root (CI does), with {@code nobody} (uid 65534).
 */
class UnifiedDiffDestinationTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTrustedSymlinkIsDiffedAsItsTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("real.conf"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("cloud.conf"), target);

        assertEquals("--- " + target + "\n+++ " + target + " (rendered)\n@@ -1,1 +1,1 @@\n-old\n+new\n",
                UnifiedDiff.ofDestination(link, bytes("new\n")));
        assertEquals("", UnifiedDiff.ofDestination(link, bytes("old\n")));
    }

    @Test
    void anotherUsersSymlinkIsRefusedWithoutReadingItsTarget() throws Exception {
        Path probe = Files.writeString(dir.resolve("probe"), "");
        assertEquals(0, Files.getAttribute(probe, "unix:uid"), "planting another user's link needs root (CI runs as root)");
        Path secret = Files.writeString(dir.resolve("shadow"), "root:secret-hash\n");
        Path link = Files.createSymbolicLink(dir.resolve("cloud.conf"), secret);
        Files.setAttribute(link, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);

        DestinationRefusedException e = assertThrows(DestinationRefusedException.class,
                () -> UnifiedDiff.ofDestination(link, bytes("new\n")));

        assertEquals("refusing to follow " + link + ": it is a symlink owned by nobody, and confdsl follows only links owned by "
                + "root or by the user it runs as (root); remove it, or replace it with a link that root owns", e.getMessage());
    }
}
