package org.confdsl.task;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code /bin/sh -c} line built from text and values, where the values never become shell
 * syntax: each is passed in an environment variable and the line only refers to it, quoted
 * for where it stands ({@code "${CONFDSL_VALUE_1}"} outside quotes, {@code ${CONFDSL_VALUE_1}}
 * inside double quotes; inside single quotes the quote is closed around the reference). A shell
 * expands a variable's value without parsing it again, so {@code $(...)}, backquotes or
 * {@code ;} in a value stay text.
 */
final class ShellLine {

    /** The environment variables that carry the values are this, then 1, 2, ... */
    static final String VARIABLE = "CONFDSL_VALUE_";

    private final StringBuilder line = new StringBuilder();
    private final StringBuilder shown = new StringBuilder();
    private final Map<String, String> env = new LinkedHashMap<>();
    private char quote;
    private boolean escaped;

    /** Adds shell text as written. */
    ShellLine text(String text) {
        line.append(text);
        shown.append(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                }
            } else if (c == '\\') {
                escaped = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            }
        }
        return this;
    }

    /** Adds a reference to {@code value}; {@code mask} stands for it in {@link #shown()}. */
    ShellLine value(String value, String mask) {
        String name = VARIABLE + (env.size() + 1);
        env.put(name, value);
        if (escaped) {
            // a backslash before a value escaped nothing of it: keep the backslash itself
            line.append('\\');
            escaped = false;
        }
        line.append(switch (quote) {
            case '"' -> "${" + name + "}";
            case '\'' -> "'\"${" + name + "}\"'";
            default -> "\"${" + name + "}\"";
        });
        shown.append(mask);
        return this;
    }

    /** The line for {@code /bin/sh -c}. */
    String line() {
        return line.toString();
    }

    /** The line as a person sees it, values masked. */
    String shown() {
        return shown.toString();
    }

    /** The variables that carry the values. */
    Map<String, String> env() {
        return Map.copyOf(env);
    }
}
