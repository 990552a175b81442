package org.confdsl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.confdsl.model.StoreModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {

    @TempDir
    Path dir;

    @Test
    void aFileModelOpensAFileStore() throws IOException {
        Path file = Files.writeString(dir.resolve("keys.yml"), "app:\n  port: 80\n");
        try (KeyValueStore store = Stores.open(new StoreModel.File(file))) {
            assertInstanceOf(FileStore.class, store);
            assertEquals(Map.of("/app/port", "80"), store.snapshot(List.of("/app")).entries());
        }
    }

    @Test
    void aMissingFileFailsAtOpen() {
        assertThrows(StoreException.class, () -> Stores.open(new StoreModel.File(dir.resolve("none.yaml"))));
    }

    @Test
    void aMemoryModelOpensASeededMemoryStore() {
        try (KeyValueStore store = Stores.open(StoreModel.Memory.of(Map.of("/a", "1", "/b/c", "2")))) {
            assertInstanceOf(MemoryStore.class, store);
            Snapshot s = store.snapshot(List.of("/"));
            assertEquals(1, s.revision());
            assertEquals(Map.of("/a", "1", "/b/c", "2"), s.entries());
        }
    }

    @Test
    void anEtcdModelOpensAnEtcdStoreEvenWhileEtcdIsDown() {
        try (KeyValueStore store = Stores.open(StoreModel.Etcd.of(List.of("http://127.0.0.1:1")))) {
            assertInstanceOf(EtcdStore.class, store);
            StoreException e = assertThrows(StoreException.class, () -> store.snapshot(List.of("/")));
            assertEquals(true, e.getMessage().startsWith("etcd unreachable at http://127.0.0.1:1"), e.getMessage());
        }
    }

    /** Java 17 cannot switch exhaustively over a sealed type; this fails when a new kind of store is added. */
    @Test
    void everyKindOfStoreModelIsHandled() {
        Set<Class<?>> handled = Set.of(StoreModel.File.class, StoreModel.Etcd.class, StoreModel.Memory.class);
        assertEquals(handled, Set.of(StoreModel.class.getPermittedSubclasses()),
                "a new StoreModel needs a branch in Stores.open and a test here");
    }
}
