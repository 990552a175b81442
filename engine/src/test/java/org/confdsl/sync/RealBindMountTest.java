package org.confdsl.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.confdsl.model.CommandSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bind-mount fallback against a real bind mount, as Docker makes one for a single-file
 * volume. Needs root and {@code unshare -m}: the mount lives in a private namespace of a child
 * JVM and never touches the host. Without those privileges the test is aborted (reported as
 * skipped) with the reason; {@link SyncerSwapTest} covers the same path with a simulated refusal.
 */
class RealBindMountTest {

    @TempDir
    Path dir;

    private final CommandRunner runner = new CommandRunner();

    @Test
    void renameOntoABindMountedFileFallsBackToAnInPlaceWrite() throws Exception {
        CommandResult probe = runner.run(Fixtures.argv("unshare", "-m", "true"), Map.of());
        Assumptions.assumeTrue(probe.succeeded(), "needs root and unshare -m (private mount namespaces): " + probe.output());

        Path source = Files.writeString(dir.resolve("host-cloud.conf"), "old\n");
        Path dest = Files.writeString(dir.resolve("cloud.conf"), "unmounted\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        CommandSpec inNamespace = new CommandSpec(List.of("unshare", "-m", "sh", "-c",
                "mount --bind \"$1\" \"$2\" && exec \"$3\" -cp \"$4\" org.confdsl.sync.BindMountProbe \"$2\"",
                "sh", source.toString(), dest.toString(), java, System.getProperty("java.class.path")),
                false, Duration.ofSeconds(60));

        CommandResult result = runner.run(inNamespace, Map.of());

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("UPDATED: rename refused (device or resource busy), probably a bind-mounted file; wrote " + dest
                + " in place", lastLine(result.output()));
        assertEquals("new\n", Files.readString(source), "written through the bind mount into the host file");
        assertEquals("unmounted\n", Files.readString(dest), "outside the namespace nothing was mounted");
        assertEquals(List.of(), Fixtures.stageFiles(dir));
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }
}
