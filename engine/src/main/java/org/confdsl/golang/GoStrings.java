package org.confdsl.golang;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code strings.Split} and {@code strings.Replace}, whose edge cases (empty separator,
 * trailing empty fields, a replacement count) differ from Java's regex-based equivalents.
 */
public final class GoStrings {

    private GoStrings() {
    }

    /**
     * Splits {@code s} around every {@code sep}, keeping empty fields; an empty {@code sep} splits
     * into single characters (code points), as Go does.
     */
    public static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    /**
     * Replaces the first {@code n} non-overlapping {@code old} in {@code s} by {@code replacement};
     * {@code n < 0} replaces all. An empty {@code old} matches before every character and at the end.
     */
    public static String replace(String s, String old, String replacement, long n) {
        if (n == 0 || old.equals(replacement)) {
            return s;
        }
        long left = n < 0 ? Long.MAX_VALUE : n;
        StringBuilder out = new StringBuilder(s.length());
        if (old.isEmpty()) {
            int i = 0;
            while (i <= s.length()) {
                if (left > 0) {
                    out.append(replacement);
                    left--;
                }
                if (i == s.length()) {
                    break;
                }
                int next = s.offsetByCodePoints(i, 1);
                out.append(s, i, next);
                i = next;
            }
            return out.toString();
        }
        int from = 0;
        int at;
        while (left > 0 && (at = s.indexOf(old, from)) >= 0) {
            out.append(s, from, at).append(replacement);
            from = at + old.length();
            left--;
        }
        return out.append(s, from, s.length()).toString();
    }
}
