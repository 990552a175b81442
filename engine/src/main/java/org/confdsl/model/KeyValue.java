package org.confdsl.model;

import java.util.Objects;

/**
 * One key and its value as a task reads it: {@code def backend = get('/cloud/upstream/a')}, then
 * {@code backend.key}, {@code backend.value}.
 *
 * @param key the absolute key
 * @param value its value
 */
public record KeyValue(String key, String value) {

    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** The key, for Groovy's {@code kv.key}. */
    public String getKey() {
        return key;
    }

    /** The value, for Groovy's {@code kv.value}. */
    public String getValue() {
        return value;
    }

    /** The key only: a value never reaches a log line by accident. */
    @Override
    public String toString() {
        return key;
    }
}
