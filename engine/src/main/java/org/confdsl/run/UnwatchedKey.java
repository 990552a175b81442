package org.confdsl.run;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.confdsl.model.ResourceModel;
import org.confdsl.store.KeyPrefix;
import org.confdsl.store.KeyValueStore;
import org.confdsl.store.StoreException;
import org.confdsl.template.MissingKeyException;
import org.confdsl.template.TemplateException;

/**
 * A template read a key that is "not found" only because the resource does not watch it: a
 * render sees just the keys under its {@code keys}. On that failure (and only then) the store is
 * asked whether the key exists, so the message can say so and name the word to change.
 */
final class UnwatchedKey {

    private UnwatchedKey() {
    }

    /** {@code e} reworded when its missing key exists in {@code store} outside the resource's keys; else {@code e}. */
    static TemplateException explain(TemplateException e, ResourceModel resource, KeyValueStore store) {
        if (!(e.getCause() instanceof MissingKeyException missing) || !missing.key().startsWith("/")
                || KeyPrefix.coveredByAny(resource.watchedPrefixes(), missing.absoluteKey())) {
            return e;
        }
        if (!exists(store, missing.absoluteKey())) {
            return e;
        }
        String keys = quoted(resource.keys().stream());
        String suggested = quoted(Stream.concat(resource.keys().stream(), Stream.of(firstSegment(missing.key()))));
        return new TemplateException(e.template(), e.line(), "key '" + missing.key() + "' exists in the store"
                + ("/".equals(resource.prefix()) ? "" : " (as " + missing.absoluteKey() + ")")
                + " but is not among the keys resource '" + resource.name() + "' watches (keys " + keys
                + "); add it to keys, e.g. keys " + suggested, e);
    }

    private static boolean exists(KeyValueStore store, String key) {
        try {
            return store.snapshot(List.of(key)).entries().containsKey(key);
        } catch (StoreException unreadable) {
            return false; // the original message stays; the next read reports the store
        }
    }

    private static String firstSegment(String key) {
        int slash = key.indexOf('/', 1);
        return slash < 0 ? key : key.substring(0, slash);
    }

    private static String quoted(Stream<String> keys) {
        return keys.distinct().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
    }
}
