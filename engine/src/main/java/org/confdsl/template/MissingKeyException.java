package org.confdsl.template;

/**
 * A template asked for a key that its view does not hold ({@code getv} without a default,
 * {@code get}). Carries the key as the template wrote it and as the store names it, so that a
 * caller that can see the whole store can say more (e.g. that the key exists but is not watched).
 */
public final class MissingKeyException extends TemplateFunctionException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String absoluteKey;

    MissingKeyException(String key, String absoluteKey, String message) {
        super(message);
        this.key = key;
        this.absoluteKey = absoluteKey;
    }

    /** The key as the template wrote it, relative to the resource prefix. */
    public String key() {
        return key;
    }

    /** The key as the store names it. */
    public String absoluteKey() {
        return absoluteKey;
    }
}
