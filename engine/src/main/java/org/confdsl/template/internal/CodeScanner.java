package org.confdsl.template.internal;

/**
 * Finds where a piece of Groovy code embedded in a template ends, understanding just enough
 * Groovy to get it right: strings ({@code '..'}, {@code ".."}, triple-quoted, slashy), GString
 * {@code ${}} inside them, and comments. A {@code }} or {@code %>} inside a string or comment does
 * not end the code. Comments are removed from the returned code (their newlines kept), because
 * a line comment cut short by {@code %>} would otherwise swallow the generated code after it.
 */
final class CodeScanner {

    /** The code found and the index just past its terminator. */
    record Scanned(String code, int next) {
    }

    private final String src;
    private final Lines lines;

    CodeScanner(String src, Lines lines) {
        this.src = src;
        this.lines = lines;
    }

    /** Code after {@code ${} at {@code start}: ends at the matching {@code }}. */
    Scanned braced(int start, int openedAt) {
        StringBuilder out = new StringBuilder();
        int end = scan(start, true, out, openedAt, "'${'");
        return new Scanned(out.toString(), end + 1);
    }

    /** Code after {@code <%} at {@code start}: ends at the first {@code %>} outside strings and comments. */
    Scanned scriptlet(int start, int openedAt) {
        StringBuilder out = new StringBuilder();
        int end = scan(start, false, out, openedAt, "'<%'");
        return new Scanned(out.toString(), end + 2);
    }

    /** Returns the index of the terminator ({@code }} or the {@code %} of {@code %>}). */
    private int scan(int start, boolean braced, StringBuilder out, int openedAt, String what) {
        int depth = 0;
        int i = start;
        char previous = '\0';
        while (i < src.length()) {
            char c = src.charAt(i);
            if (!braced && c == '%' && i + 1 < src.length() && src.charAt(i + 1) == '>') {
                return i;
            }
            if (braced && c == '}' && depth == 0) {
                return i;
            }
            if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
                i = lineComment(i, braced);
                continue;
            }
            if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
                i = blockComment(i, out);
                continue;
            }
            int stringEnd = -1;
            if (c == '\'' || c == '"') {
                stringEnd = string(i, c);
            } else if (c == '/' && startsSlashy(previous)) {
                stringEnd = delimited(i, i + 1, "/", true, "slashy string");
            }
            if (stringEnd >= 0) {
                out.append(src, i, stringEnd);
                previous = src.charAt(stringEnd - 1);
                i = stringEnd;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
            out.append(c);
            i++;
        }
        throw new TemplateSyntaxException(lines.lineOf(openedAt), what + " is never closed"
                + (braced ? " (missing '}')" : " (missing '%>')"));
    }

    /** A line comment ends at the newline, or (in a scriptlet) at the {@code %>} that closes it. */
    private int lineComment(int i, boolean braced) {
        int j = i;
        while (j < src.length() && src.charAt(j) != '\n') {
            if (!braced && src.startsWith("%>", j)) {
                return j;
            }
            j++;
        }
        return j;
    }

    private int blockComment(int i, StringBuilder out) {
        int end = src.indexOf("*/", i + 2);
        if (end < 0) {
            throw new TemplateSyntaxException(lines.lineOf(i), "comment '/*' is never closed");
        }
        out.append(' ');
        for (int j = i; j < end; j++) {
            if (src.charAt(j) == '\n') {
                out.append('\n');
            }
        }
        return end + 2;
    }

    /** Index just past the string starting at {@code i} with quote {@code q}. */
    private int string(int i, char q) {
        String triple = String.valueOf(q).repeat(3);
        boolean interpolated = q == '"';
        if (src.startsWith(triple, i)) {
            return delimited(i, i + 3, triple, interpolated, "string");
        }
        return delimited(i, i + 1, String.valueOf(q), interpolated, "string");
    }

    private int delimited(int openedAt, int from, String close, boolean interpolated, String what) {
        int j = from;
        while (j < src.length()) {
            char c = src.charAt(j);
            if (c == '\\' && j + 1 < src.length()) {
                j += 2;
                continue;
            }
            if (src.startsWith(close, j)) {
                return j + close.length();
            }
            if (interpolated && c == '$' && j + 1 < src.length() && src.charAt(j + 1) == '{') {
                j = scan(j + 2, true, new StringBuilder(), j, "'${'") + 1;
                continue;
            }
            if (close.length() == 1 && c == '\n' && !"/".equals(close)) {
                break;
            }
            j++;
        }
        throw new TemplateSyntaxException(lines.lineOf(openedAt), what + " is never closed");
    }

    /** After these (or at the start) a {@code /} begins a slashy string rather than a division. */
    private static boolean startsSlashy(char previous) {
        return previous == '\0' || "(,=:[{!&|?;+-*%<>~^".indexOf(previous) >= 0;
    }
}
