package org.confdsl.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Where the keys live, as declared by the script's {@code store} word. */
public sealed interface StoreModel {

    /** A short description for messages, without secrets. */
    String describe();

    /**
     * A YAML or JSON file whose nested maps become {@code /a/b} keys; re-read when it changes.
     *
     * @param path the file (absolute)
     */
    record File(Path path) implements StoreModel {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "file " + path;
        }
    }

    /**
     * Keys held in memory, seeded by the script.
     *
     * @param entries the initial keys and values
     */
    record Memory(SortedMap<String, String> entries) implements StoreModel {
        public Memory {
            entries = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        }

        public static Memory of(Map<String, String> entries) {
            return new Memory(new TreeMap<>(entries));
        }

        @Override
        public String describe() {
            return "memory (" + entries.size() + " keys)";
        }
    }
}
