package org.confdsl.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Go writes them (its {@code time.ParseDuration}), in scripts, on the command line
 * and in {@code CONFDSL_} variables: one or more numbers with a unit, {@code 500ms}, {@code 10s},
 * {@code 1m30s}, {@code 2h}, {@code 1.5h}; units {@code ns}, {@code us} ({@code µs}), {@code ms},
 * {@code s}, {@code m}, {@code h}. Negative durations are not accepted.
 */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d*)?(?:ns|us|µs|ms|s|m|h))+|0");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?)(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Duration parse(String text) {
        String t = text.trim();
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 500ms, 10s, 1m30s or 2h");
        }
        try {
            return Duration.ofNanos(t.contains(".") ? fractional(t) : whole(t));
        } catch (ArithmeticException | NumberFormatException e) { // a number too large for a long
            throw new IllegalArgumentException("'" + text + "' is not a duration this program can use: write whole nanoseconds, at most 292 years");
        }
    }

    /** Whole numbers only, the usual case: long arithmetic (BigDecimal's first use costs ~20 ms on JDK 25). */
    private static long whole(String t) {
        long nanos = 0;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            nanos = Math.addExact(nanos, Math.multiplyExact(Long.parseLong(m.group(1)), unitNanos(m.group(2))));
        }
        return nanos;
    }

    private static long fractional(String t) {
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
        }
        return nanos.longValueExact();
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
    }

    /**
     * Formats a duration the way {@link #parse} reads it, in whole units from hours down to
     * milliseconds, leaving out zero parts: {@code 2h}, {@code 1m30s}, {@code 1s500ms}, {@code 0ms}.
     */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms <= 0) {
            return "0ms";
        }
        StringBuilder out = new StringBuilder();
        long h = ms / 3_600_000;
        long m = ms / 60_000 % 60;
        long s = ms / 1000 % 60;
        long rest = ms % 1000;
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (s > 0) {
            out.append(s).append('s');
        }
        if (rest > 0) {
            out.append(rest).append("ms");
        }
        return out.toString();
    }
}
