package org.confdsl.template;

import java.util.Objects;

/**
 * A key and its value as a template sees it: the key is relative to the resource prefix. Templates
 * read {@code kv.key} and {@code kv.value}; {@code kv.Key} and {@code kv.Value} work as well, so
 * confd's {@code .Key}/{@code .Value} translate word for word.
 *
 * @param key the key, relative to the resource prefix, starting with {@code /}
 * @param value the value
 */
public record KV(String key, String value) {

    public KV {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** The key; Groovy maps both {@code kv.key} and confd's {@code kv.Key} to this getter. */
    public String getKey() {
        return key;
    }

    /** The value; Groovy maps both {@code kv.value} and confd's {@code kv.Value} to this getter. */
    public String getValue() {
        return value;
    }

    /** Go's rendering of a memkv.KVPair, {@code {key value}}, so a stray {@code ${kv}} looks as in confd. */
    @Override
    public String toString() {
        return "{" + key + " " + value + "}";
    }
}
