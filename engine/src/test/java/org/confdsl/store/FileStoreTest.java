package org.confdsl.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.confdsl.store.internal.ChangeFeed;
import org.confdsl.store.internal.FileWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<String> ALL = List.of("/");
    private static final String KEYS = """
            app:
              port: 8080
              tls: yes
              db:
                host: db1
            apple: fruit
            upstream:
              - 10.0.0.1:80
              - 10.0.0.2:80
            """;

    @TempDir
    Path dir;

    private final List<FileStore> stores = new ArrayList<>();

    @AfterEach
    void closeStores() {
        stores.forEach(FileStore::close);
    }

    private FileStore open(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return track(FileStore.open(file));
    }

    private FileStore track(FileStore store) {
        stores.add(store);
        return store;
    }

    /** Writes as editors do: a temp file renamed over the original. */
    private static void replace(Path file, String content) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".swp");
        Files.writeString(temp, content);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void flattensTheFileAtRevisionOne() throws IOException {
        FileStore store = open("keys.yaml", KEYS);
        Snapshot all = store.snapshot(ALL);
        assertEquals(1, all.revision());
        assertEquals(Map.of("/app/port", "8080", "/app/tls", "yes", "/app/db/host", "db1", "/apple", "fruit",
                "/upstream/0", "10.0.0.1:80", "/upstream/1", "10.0.0.2:80"), all.entries());
        assertEquals(Set.of("/app/port", "/app/tls", "/app/db/host"), store.snapshot(List.of("/app")).entries().keySet());
        assertEquals(Set.of("/app/db/host", "/upstream/0", "/upstream/1"),
                store.snapshot(List.of("/app/db", "/upstream")).entries().keySet());
        assertEquals("file " + dir.resolve("keys.yaml").toAbsolutePath(), store.describe());
    }

    @Test
    void readsJson() throws IOException {
        FileStore store = open("keys.json", "{\"app\": {\"port\": 8080, \"ratio\": 1.50, \"hosts\": [\"a\", \"b\"]}}");
        assertEquals(Map.of("/app/port", "8080", "/app/ratio", "1.50", "/app/hosts/0", "a", "/app/hosts/1", "b"),
                store.snapshot(ALL).entries());
    }

    @Test
    void aMissingFileIsAnErrorNamingThePath() {
        Path missing = dir.resolve("nope.yaml");
        StoreException e = assertThrows(StoreException.class, () -> FileStore.open(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void aMalformedFileNamesFileLineAndColumn() throws IOException {
        Path file = dir.resolve("keys.yaml");
        Files.writeString(file, "a: 1\nb:\n  c: 2\n  d: e: f\n");
        StoreException e = assertThrows(StoreException.class, () -> FileStore.open(file));
        assertTrue(e.getMessage().startsWith(file + ", line 4, column 7: mapping values are not allowed here"),
                e.getMessage());
        assertTrue(e.getMessage().contains("fix the file"), e.getMessage());
    }

    @Test
    void keepsTheLastGoodKeysWhileTheFileIsBadAndResumesWhenFixed() throws IOException {
        FileStore store = open("keys.yaml", "a: 1\n");
        Path file = store.path();
        replace(file, "a: [1\n");
        Snapshot stale = store.snapshot(ALL);
        assertEquals(1, stale.revision());
        assertEquals(Map.of("/a", "1"), stale.entries());
        assertThrows(StoreException.class, () -> store.put("/b", "2"), "no writing over a file the user is fixing");

        Files.delete(file);
        assertEquals(Map.of("/a", "1"), store.snapshot(ALL).entries(), "a vanished file keeps the last keys too");

        replace(file, "a: 2\n");
        Snapshot fixed = store.snapshot(ALL);
        assertEquals(2, fixed.revision());
        assertEquals(Map.of("/a", "2"), fixed.entries());
    }

    @Test
    void anEditThatChangesNoKeyIsNoRevision() throws IOException {
        FileStore store = open("keys.yaml", "a: 1\n");
        replace(store.path(), "# a comment\na:   1   \n");
        assertEquals(1, store.snapshot(ALL).revision());
    }

    @Test
    void watchSeesPutsModificationsAndDeletesUnderItsPrefixes() throws IOException {
        FileStore store = open("keys.yaml", KEYS);
        RecordingListener l = new RecordingListener();
        store.watch(List.of("/app"), 1, l);

        replace(store.path(), KEYS.replace("8080", "9090").replace("apple: fruit", "apple: pear"));
        await().atMost(WAIT).until(() -> l.events().size() == 1);
        assertEquals(List.of(WatchEvent.put("/app/port", "9090", 2)), l.events());

        replace(store.path(), "app:\n  port: 9090\n  new: x\napple: pear\n");
        await().atMost(WAIT).until(() -> l.events().size() == 4);
        assertEquals(List.of(WatchEvent.delete("/app/db/host", 3), WatchEvent.put("/app/new", "x", 3),
                WatchEvent.delete("/app/tls", 3)), l.batches().get(1), "one revision for the whole edit");
        assertEquals(3, store.revision());
    }

    @Test
    void watchKeepsGoingThroughABadFile() throws IOException {
        FileStore store = open("keys.yaml", "a: 1\n");
        RecordingListener l = new RecordingListener();
        store.watch(ALL, 1, l);
        replace(store.path(), "a: : :\n");
        replace(store.path(), "a: 2\n");
        await().atMost(WAIT).until(() -> !l.events().isEmpty());
        assertEquals(List.of(WatchEvent.put("/a", "2", 2)), l.events());
        assertTrue(l.resyncs().isEmpty(), "a bad file is a warning, not the end of the watch");
    }

    @Test
    void inPlaceWritesArePickedUp() throws IOException {
        FileStore store = open("keys.yaml", "a: 1\n");
        RecordingListener l = new RecordingListener();
        store.watch(ALL, 1, l);
        Files.writeString(store.path(), "a: 1\nb: 2\n");
        await().atMost(WAIT).until(() -> l.replay(Map.of("/a", "1")).equals(Map.of("/a", "1", "/b", "2")));
    }

    @Test
    void pollingAloneNoticesChanges() throws IOException {
        Path file = dir.resolve("keys.yaml");
        Files.writeString(file, "a: 1\n");
        FileStore store = track(new FileStore(file, Duration.ofMillis(50), false));
        RecordingListener l = new RecordingListener();
        store.watch(ALL, 1, l);
        replace(file, "a: 2\n");
        await().atMost(WAIT).until(() -> l.events().equals(List.of(WatchEvent.put("/a", "2", 2))));
    }

    @Test
    void followsAKubernetesStyleSymlinkSwap() throws IOException {
        Path v1 = Files.createDirectory(dir.resolve("..2024_v1"));
        Path v2 = Files.createDirectory(dir.resolve("..2024_v2"));
        Files.writeString(v1.resolve("keys.yaml"), "a: 1\n");
        Files.writeString(v2.resolve("keys.yaml"), "a: 2\n");
        Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
        Files.createSymbolicLink(dir.resolve("keys.yaml"), Path.of("..data/keys.yaml"));
        FileStore store = track(FileStore.open(dir.resolve("keys.yaml")));
        RecordingListener l = new RecordingListener();
        store.watch(ALL, 1, l);

        Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        await().atMost(WAIT).until(() -> l.events().equals(List.of(WatchEvent.put("/a", "2", 2))));
    }

    @Test
    void aWatchFromRevisionZeroStartsWithTheFirstLoad() throws IOException {
        FileStore store = open("keys.yaml", KEYS);
        RecordingListener l = new RecordingListener();
        store.watch(List.of("/upstream"), 0, l);
        await().atMost(WAIT).until(() -> l.events().size() == 2);
        assertEquals(List.of(WatchEvent.put("/upstream/0", "10.0.0.1:80", 1), WatchEvent.put("/upstream/1", "10.0.0.2:80", 1)),
                l.events());
    }

    @Test
    void putAndDeleteRewriteTheFileAndNotifyWatchers() throws IOException {
        FileStore store = open("keys.yaml", "# comments are not kept\n" + KEYS);
        RecordingListener l = new RecordingListener();
        store.watch(List.of("/app"), 1, l);

        assertEquals(2, store.put("/app/db/port", "5432"));
        assertEquals(2, store.put("/app/db/port", "5432"), "same value, nothing to write");
        assertEquals(3, store.delete("/app/tls"));
        assertEquals(3, store.delete("/app/missing"));

        String written = Files.readString(store.path());
        assertTrue(written.startsWith("app:\n  port: '8080'\n  db:\n    host: db1\n    port: '5432'\napple: fruit\n"), written);
        assertTrue(written.contains("upstream:\n- 10.0.0.1:80\n"), written);
        assertFalse(written.contains("#"), written);
        try (FileStore reread = FileStore.open(store.path())) {
            assertEquals(store.snapshot(ALL).entries(), reread.snapshot(ALL).entries());
        }
        await().atMost(WAIT).until(() -> l.events().size() == 2);
        assertEquals(List.of(WatchEvent.put("/app/db/port", "5432", 2), WatchEvent.delete("/app/tls", 3)), l.events());
        assertEquals(3, store.snapshot(ALL).revision(), "the watcher seeing our own write is no new revision");
    }

    @Test
    void writesKeepJsonAsJson() throws IOException {
        FileStore store = open("keys.json", "{\"app\": {\"port\": \"8080\"}}");
        store.put("/app/hosts/0", "a");
        assertEquals("{\n  \"app\": {\n    \"port\": \"8080\",\n    \"hosts\": [\n      \"a\"\n    ]\n  }\n}\n",
                Files.readString(store.path()));
    }

    @Test
    void rejectsKeysThatCannotBeNested() throws IOException {
        FileStore store = open("keys.yaml", "a: 1\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> store.put("a/b", "x"));
        assertTrue(bad.getMessage().contains("'a/b'"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.put("/a//b", "x"));
        StoreException conflict = assertThrows(StoreException.class, () -> store.put("/a/b", "x"));
        assertTrue(conflict.getMessage().contains("/a would be both a value and a map"), conflict.getMessage());
        assertEquals("a: 1\n", Files.readString(store.path()), "a rejected write leaves the file alone");
    }

    @Test
    void closeStopsTheWatcherAndDeliveryThreads() throws IOException {
        Set<String> before = new HashSet<>(RecordingListener.liveThreads("confdsl-"));
        FileStore store = open("keys.yaml", "a: 1\n");
        RecordingListener l = new RecordingListener();
        store.watch(ALL, 0, l);
        await().atMost(WAIT).until(() -> !l.events().isEmpty());
        Set<String> mine = new HashSet<>(RecordingListener.liveThreads("confdsl-"));
        mine.addAll(l.threadNames());
        mine.removeAll(before);
        assertTrue(mine.stream().anyMatch(n -> n.startsWith(FileWatcher.THREAD_PREFIX)), mine.toString());
        assertTrue(mine.stream().anyMatch(n -> n.startsWith(ChangeFeed.THREAD_PREFIX)), mine.toString());

        store.close();
        await().atMost(WAIT).until(() -> RecordingListener.liveThreads("confdsl-").stream().noneMatch(mine::contains));
        assertThrows(StoreException.class, () -> store.snapshot(ALL));
    }
}
