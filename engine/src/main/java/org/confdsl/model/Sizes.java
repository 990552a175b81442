package org.confdsl.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the sizes people write in scripts: {@code 512KB}, {@code 16MB}, {@code 1GB} (units of 1024), or bytes. */
public final class Sizes {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?");

    private Sizes() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static long parse(String text) {
        Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 12) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write e.g. 512KB, 16MB or 1GB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        return switch (unit) {
            case "KB" -> n << 10;
            case "MB" -> n << 20;
            case "GB" -> n << 30;
            default -> n;
        };
    }

    /** Formats a size the way {@link #parse} reads it, in the largest exact unit. */
    public static String format(long bytes) {
        for (String unit : new String[] {"GB", "MB", "KB"}) {
            int shift = switch (unit) {
                case "GB" -> 30;
                case "MB" -> 20;
                default -> 10;
            };
            if (bytes > 0 && bytes % (1L << shift) == 0) {
                return (bytes >> shift) + unit;
            }
        }
        return bytes + "B";
    }
}
