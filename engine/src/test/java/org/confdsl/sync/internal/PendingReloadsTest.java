package org.confdsl.sync.internal;

import static org.confdsl.sync.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.PendingReloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingReloadsTest {

    @TempDir
    Path dir;

    private final ResourceModel cloud = resource(Path.of("/etc/nginx/conf.d/cloud.conf")).name("cloud").build();
    private final ResourceModel other = resource(Path.of("/etc/nginx/conf.d/other.conf")).name("cloud").build();

    private static void markClear(PendingReloads p, ResourceModel a, ResourceModel b) {
        assertFalse(p.isPending(a));
        p.markPending(a);
        assertTrue(p.isPending(a));
        assertFalse(p.isPending(b), "same name, other dest: another resource");
        p.markPending(a);
        p.clear(a);
        assertFalse(p.isPending(a));
        p.clear(a);
    }

    @Test
    void inMemory() {
        markClear(PendingReloads.inMemory(), cloud, other);
    }

    @Test
    void inDirectory() {
        markClear(PendingReloads.inDirectory(dir.resolve("state")), cloud, other);
    }

    @Test
    void directoryStateOutlivesTheObjectAsOneSmallFile() throws Exception {
        Path state = dir.resolve("state");
        PendingReloads.inDirectory(state).markPending(cloud);

        assertTrue(PendingReloads.inDirectory(state).isPending(cloud));
        List<Path> files;
        try (Stream<Path> s = Files.list(state)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), "no temp file left: " + files);
        assertTrue(files.get(0).getFileName().toString().matches("[0-9a-f]{32}\\.reload-pending"));
        assertEquals("resource=cloud\ndest=/etc/nginx/conf.d/cloud.conf\n", Files.readString(files.get(0)));

        PendingReloads.inDirectory(state).clear(cloud);
        assertFalse(PendingReloads.inDirectory(state).isPending(cloud));
    }

    @Test
    void unwritableStateIsReportedUnchecked() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> PendingReloads.inDirectory(file.resolve("state")).markPending(cloud));
        assertTrue(e.getMessage().startsWith("cannot record the pending reload in "), e.getMessage());
    }
}
