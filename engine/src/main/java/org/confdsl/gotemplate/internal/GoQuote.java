package org.confdsl.gotemplate.internal;

/** Go's {@code strconv.Quote}, {@code QuoteRune} and {@code Unquote}. */
public final class GoQuote {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {
    }

    /** {@code strconv.Quote}: a double-quoted Go string literal; printable characters stay as they are. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendEscaped(out, cp, '"');
        }
        return out.append('"').toString();
    }

    /** {@code strconv.QuoteRune}: a single-quoted Go rune literal. */
    public static String quoteRune(long r) {
        int cp = r < 0 || r > Character.MAX_CODE_POINT || (r >= 0xD800 && r <= 0xDFFF) ? 0xFFFD : (int) r;
        StringBuilder out = new StringBuilder(8).append('\'');
        appendEscaped(out, cp, '\'');
        return out.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp, char quote) {
        if (cp == quote || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
            return;
        }
        if (isPrint(cp)) {
            out.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 7 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case 11 -> out.append("\\v");
            case '\t' -> out.append("\\t");
            default -> {
                if (cp < ' ' || cp == 0x7f) {
                    out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
                } else if (cp < 0x10000) {
                    out.append("\\u");
                    hex(out, cp, 4);
                } else {
                    out.append("\\U");
                    hex(out, cp, 8);
                }
            }
        }
    }

    private static void hex(StringBuilder out, int v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(v >> shift) & 0xF]);
        }
    }

    /** Go's {@code strconv.IsPrint}, close enough: letters, marks, numbers, punctuation, symbols and ASCII space. */
    static boolean isPrint(int cp) {
        if (cp < 0x80) {
            return cp >= 0x20 && cp < 0x7f;
        }
        if (cp == 0xFFFD) {
            return true;
        }
        int t = Character.getType(cp);
        return switch (t) {
            case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
                    Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * {@code strconv.Unquote} of a {@code "..."}, {@code `...`} or {@code '...'} literal.
     *
     * @throws IllegalArgumentException with Go's message {@code invalid syntax}
     */
    public static String unquote(String s) {
        int n = s.length();
        if (n < 2) {
            throw syntax();
        }
        char q = s.charAt(0);
        if (q != s.charAt(n - 1)) {
            throw syntax();
        }
        String body = s.substring(1, n - 1);
        if (q == '`') {
            if (body.indexOf('`') >= 0) {
                throw syntax();
            }
            return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
        }
        if (q != '"' && q != '\'') {
            throw syntax();
        }
        if (body.indexOf('\\') < 0 && body.indexOf(q) < 0 && body.indexOf('\n') < 0) {
            if (q == '"' || body.codePointCount(0, body.length()) == 1) {
                return body;
            }
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == q && q == '\'' || c == '"' && q == '"' || c == '\n') {
                throw syntax();
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= body.length()) {
                throw syntax();
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.append((char) 7);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append((char) 11);
                case '\\' -> out.append('\\');
                case '\'', '"' -> {
                    if (e != q) {
                        throw syntax();
                    }
                    out.append(e);
                }
                case 'x' -> {
                    int v = hexValue(body, i, 2);
                    i += 2;
                    if (q == '\'') {
                        out.appendCodePoint(v);
                    } else {
                        out.append((char) v); // a raw byte; fine for ASCII, approximate beyond
                    }
                }
                case 'u', 'U' -> {
                    int len = e == 'u' ? 4 : 8;
                    int v = hexValue(body, i, len);
                    i += len;
                    if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
                        throw syntax();
                    }
                    out.appendCodePoint(v);
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 2 > body.length()) {
                        throw syntax();
                    }
                    int v = 0;
                    for (int k = i - 1; k < i + 2; k++) {
                        char d = body.charAt(k);
                        if (d < '0' || d > '7') {
                            throw syntax();
                        }
                        v = v * 8 + (d - '0');
                    }
                    i += 2;
                    if (v > 255) {
                        throw syntax();
                    }
                    out.append((char) v);
                }
                default -> throw syntax();
            }
        }
        if (q == '\'' && out.codePointCount(0, out.length()) != 1) {
            throw syntax();
        }
        return out.toString();
    }

    private static int hexValue(String s, int from, int len) {
        if (from + len > s.length()) {
            throw syntax();
        }
        int v = 0;
        for (int k = from; k < from + len; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                throw syntax();
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static IllegalArgumentException syntax() {
        return new IllegalArgumentException("invalid syntax");
    }
}
