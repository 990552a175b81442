package org.confdsl.store;

import java.util.Objects;
import java.util.Optional;

/**
 * One change in a store.
 *
 * @param type put or delete
 * @param key the absolute key
 * @param value the new value for a put; empty for a delete
 * @param revision the store revision of the change
 */
public record WatchEvent(Type type, String key, Optional<String> value, long revision) {

    /** What happened to the key. */
    public enum Type { PUT, DELETE }

    public WatchEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public static WatchEvent put(String key, String value, long revision) {
        return new WatchEvent(Type.PUT, key, Optional.of(value), revision);
    }

    public static WatchEvent delete(String key, long revision) {
        return new WatchEvent(Type.DELETE, key, Optional.empty(), revision);
    }
}
