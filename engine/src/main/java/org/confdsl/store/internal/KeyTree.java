package org.confdsl.store.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confdsl.store.StoreException;

/**
 * Turns flat {@code /a/b} keys back into nested maps, the inverse of {@link YamlKeys}: a map
 * whose keys are exactly {@code 0..n-1} becomes a list again, so a file that had lists keeps them.
 */
public final class KeyTree {

    private KeyTree() {
    }

    /**
     * Nests {@code keys}; values are strings, inner nodes are maps or lists, children in the order
     * their first key has in {@code keys}.
     *
     * @throws StoreException when one key holds a value and also has keys below it, which nested maps cannot express
     */
    public static Map<String, Object> nest(Map<String, String> keys) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : keys.entrySet()) {
            String[] segments = Keys.requireNestable(entry.getKey()).substring(1).split("/");
            Map<String, Object> map = root;
            for (int i = 0; i < segments.length - 1; i++) {
                Object child = map.computeIfAbsent(segments[i], s -> new LinkedHashMap<String, Object>());
                if (!(child instanceof Map)) {
                    throw conflict(entry.getKey(), segments, i);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                map = next;
            }
            String last = segments[segments.length - 1];
            if (map.containsKey(last)) {
                throw conflict(entry.getKey(), segments, segments.length - 1);
            }
            map.put(last, entry.getValue());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) listify(root);
        return nested;
    }

    private static StoreException conflict(String key, String[] segments, int depth) {
        String holder = "/" + String.join("/", java.util.Arrays.copyOfRange(segments, 0, depth + 1));
        return new StoreException("cannot nest key " + key + ": " + holder
                + " would be both a value and a map; delete one of them first");
    }

    private static Object listify(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put((String) k, listify(v)));
        if (isIndexed(out)) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                list.add(out.get(Integer.toString(i)));
            }
            return list;
        }
        return out;
    }

    private static boolean isIndexed(Map<String, Object> map) {
        if (map.isEmpty()) {
            return false;
        }
        for (int i = 0; i < map.size(); i++) {
            if (!map.containsKey(Integer.toString(i))) {
                return false;
            }
        }
        return true;
    }
}
