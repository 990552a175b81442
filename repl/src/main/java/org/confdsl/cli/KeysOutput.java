package org.confdsl.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers the {@code keys} subcommands print with. */
final class KeysOutput {

    private KeysOutput() {
    }

    /** An ordered map from alternating names and values, for {@link Json#object}. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    /**
     * {@code value} on one line: backslash and control characters escaped as in Java or JSON
     * strings, so that a multi-line value cannot pass for more keys.
     */
    static String escapeText(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** "1 key", "3 keys". */
    static String keys(int n) {
        return n + (n == 1 ? " key" : " keys");
    }
}
