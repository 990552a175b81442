package org.confdsl.cli;

import java.util.Iterator;
import java.util.Map;

/**
 * Just enough JSON for {@code --format json}: objects of strings, numbers and nested objects,
 * written on one line in the order given. Java has no JSON writer and groovy-json is not on the
 * class path; this is smaller than a dependency.
 */
public final class Json {

    private Json() {
    }

    /** {@code fields} as a JSON object; values are {@link CharSequence}, {@link Number}, {@link Boolean}, {@link Map} or null. */
    public static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        Iterator<? extends Map.Entry<String, ?>> it = fields.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, ?> e = it.next();
            out.append(string(e.getKey())).append(':').append(value(e.getValue()));
            if (it.hasNext()) {
                out.append(',');
            }
        }
        return out.append('}').toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, ?> fields = (Map<String, ?>) m;
            return object(fields);
        }
        return string(v.toString());
    }

    /** {@code s} as a JSON string literal (RFC 8259: quote, backslash and control characters escaped). */
    public static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028/2029 are valid JSON but break JavaScript readers that eval lines.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
