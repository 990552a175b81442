package org.confdsl.dsl;

import java.util.SortedMap;
import java.util.TreeMap;

import org.confdsl.dsl.internal.DslProblem;

/** The {@code memory { put '/a', 'b' }} block: keys of an in-memory store. */
public class MemorySpec {

    final SortedMap<String, String> entries = new TreeMap<>();

    /** Sets {@code key} (absolute, starting with {@code /}) to {@code value}. */
    public void put(String key, Object value) {
        entries.put(ResourceSpec.absoluteKey("key", key), String.valueOf(value));
    }

    static SortedMap<String, String> checked(java.util.Map<String, ?> map) {
        SortedMap<String, String> out = new TreeMap<>();
        map.forEach((k, v) -> {
            if (v == null) {
                throw new DslProblem("key '" + k + "' has no value; give it one, e.g. '" + k + "': ''");
            }
            out.put(ResourceSpec.absoluteKey("key", k), String.valueOf(v));
        });
        return out;
    }
}
