package org.confdsl.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void equalContentGivesNoDiff() throws IOException {
        Path dest = Files.writeString(dir.resolve("a.conf"), "x\ny\n");
        assertEquals("", UnifiedDiff.of(dest, bytes("x\ny\n")));
    }

    @Test
    void changeShowsThreeLinesOfContextAndBothHeaders() throws IOException {
        Path dest = Files.writeString(dir.resolve("a.conf"), "1\n2\n3\n4\n5\n6\n7\n8\n9\n");
        String diff = UnifiedDiff.of(dest, bytes("1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n"));
        assertEquals("--- " + dest + "\n"
                + "+++ " + dest + " (rendered)\n"
                + "@@ -2,7 +2,7 @@\n"
                + " 2\n 3\n 4\n"
                + "-5\n"
                + "+FIVE\n"
                + " 6\n 7\n 8\n", diff);
    }

    @Test
    void missingDestinationDiffsAgainstEmpty() {
        Path dest = dir.resolve("new.conf");
        String diff = UnifiedDiff.of(dest, bytes("upstream app {\n    server 10.0.0.1:80;\n}\n"));
        String[] lines = diff.split("\n");
        assertEquals("--- " + dest, lines[0]);
        assertEquals("+++ " + dest + " (rendered)", lines[1]);
        assertEquals("+upstream app {", lines[3]);
        assertEquals("+}", lines[5]);
        assertEquals(6, lines.length);
    }

    @Test
    void aChangedFinalNewlineStillShows() throws IOException {
        Path dest = Files.writeString(dir.resolve("a.conf"), "a\nb");
        String diff = UnifiedDiff.of(dest, bytes("a\nb\n"));
        assertEquals("--- " + dest + "\n"
                + "+++ " + dest + " (rendered)\n"
                + "@@ -1,2 +1,2 @@\n"
                + " a\n"
                + "-b\n"
                + "\\ No newline at end of file\n"
                + "+b\n", diff);
    }

    @Test
    void unreadableDestinationIsAnError() throws IOException {
        Path notAFile = Files.createDirectory(dir.resolve("d"));
        assertThrows(UncheckedIOException.class, () -> UnifiedDiff.of(notAFile, bytes("x")));
    }
}
