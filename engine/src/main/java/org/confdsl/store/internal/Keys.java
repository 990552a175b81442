package org.confdsl.store.internal;



/** Key validation and prefix selection shared by the stores. */
public final class Keys {

    private Keys() {
    }

    /**
     * Checks that {@code key} is absolute.
     *
     * @throws IllegalArgumentException naming the key when it is null or does not start with {@code /}
     */
    public static String requireValid(String key) {
        if (key == null || !key.startsWith("/")) {
            throw new IllegalArgumentException("key must start with '/': " + (key == null ? "null" : "'" + key + "'"));
        }
        return key;
    }

    /**
     * Checks that {@code key} is absolute and has no empty segments, so that it can be a path of nested maps.
     *
     * @throws IllegalArgumentException naming the key otherwise
     */
    public static String requireNestable(String key) {
        requireValid(key);
        if (key.length() == 1 || key.endsWith("/") || key.contains("//")) {
            throw new IllegalArgumentException("key must be /segment/segment... without empty segments: '" + key + "'");
        }
        return key;
    }
}
