package org.confdsl.gotemplate.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.confdsl.gotemplate.GoFunction;
import org.confdsl.gotemplate.GoValues;

/**
 * One value under one verb, as Go's {@code fmt} prints it: the verbs {@code v s d q x X o O b c U e E
 * f F g G t T} on the template value model, padding by width and flags, and the wrong-verb text
 * ({@code %!d(string=x)}), which keeps the flags as Go's does.
 */
class Printer {

    boolean plus;
    boolean minus;
    boolean sharp;
    boolean space;
    boolean zero;
    int wid;
    boolean widPresent;
    int prec;
    boolean precPresent;
    final StringBuilder buf;

    Printer(StringBuilder buf) {
        this.buf = buf;
    }

    void clearFlags() {
        plus = minus = sharp = space = zero = widPresent = precPresent = false;
        wid = prec = 0;
    }

    private void badVerb(int verb, Object arg) {
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg == null) {
            buf.append("<nil>");
        } else {
            buf.append(GoValues.typeName(arg)).append('=');
            printArg(arg, 'v', 0); // Go keeps the flags, width and precision here
        }
        buf.append(')');
    }

    /** depth > 0 inside a list or map, where a nil element prints {@code <nil>} for any verb. */
    void printArg(Object arg, int verb, int depth) {
        if (arg == null) {
            if (depth > 0) {
                buf.append("<nil>");
            } else if (verb == 'v' || verb == 'T') {
                pad("<nil>");
            } else {
                badVerb(verb, null);
            }
            return;
        }
        if (verb == 'T') {
            pad(GoValues.typeName(arg));
            return;
        }
        if (arg instanceof String s) {
            fmtString(s, verb);
        } else if (arg instanceof Long || arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
            fmtInteger(((Number) arg).longValue(), verb, arg);
        } else if (arg instanceof Double || arg instanceof Float) {
            fmtFloat(((Number) arg).doubleValue(), verb, arg);
        } else if (arg instanceof Boolean b) {
            if (verb == 't' || verb == 'v') {
                pad(b.toString());
            } else {
                badVerb(verb, arg);
            }
        } else if (arg instanceof List<?> l) {
            buf.append('[');
            for (int k = 0; k < l.size(); k++) {
                if (k > 0) {
                    buf.append(' ');
                }
                printArg(l.get(k), verb, depth + 1);
            }
            buf.append(']');
        } else if (arg instanceof Map<?, ?> m) {
            buf.append("map[");
            boolean first = true;
            for (Map.Entry<?, ?> e : Sorting.entries(m)) {
                if (!first) {
                    buf.append(' ');
                }
                first = false;
                printArg(e.getKey(), verb, depth + 1);
                buf.append(':');
                printArg(e.getValue(), verb, depth + 1);
            }
            buf.append(']');
        } else if (arg instanceof GoFunction) {
            if (verb == 'v' || verb == 'p') {
                pad("0x" + Integer.toHexString(System.identityHashCode(arg)));
            } else {
                badVerb(verb, arg);
            }
        } else if (arg instanceof org.confdsl.gotemplate.GoNamed n && n.goFields() != null) {
            buf.append('{');
            List<Object> fields = n.goFields();
            for (int k = 0; k < fields.size(); k++) {
                if (k > 0) {
                    buf.append(' ');
                }
                printArg(fields.get(k), verb, depth + 1);
            }
            buf.append('}');
        } else {
            if (verb == 'v' || verb == 's') {
                pad(arg.toString());
            } else {
                badVerb(verb, arg);
            }
        }
    }

    private void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (width <= 0) {
            buf.append(s);
            return;
        }
        if (minus) {
            buf.append(s).append(" ".repeat(width));
        } else {
            buf.append((zero ? "0" : " ").repeat(width)).append(s);
        }
    }

    private void fmtString(String s, int verb) {
        switch (verb) {
            case 'v', 's' -> pad(truncate(s));
            case 'q' -> pad(GoQuote.quote(truncate(s)));
            case 'x', 'X' -> {
                byte[] bytes = truncate(s).getBytes(StandardCharsets.UTF_8);
                StringBuilder h = new StringBuilder(bytes.length * 2 + 2);
                if (sharp && bytes.length > 0) {
                    h.append(verb == 'x' ? "0x" : "0X");
                }
                String digits = verb == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
                for (int k = 0; k < bytes.length; k++) {
                    byte b = bytes[k];
                    if (space && k > 0) {
                        h.append(' ');
                        if (sharp) {
                            h.append(verb == 'x' ? "0x" : "0X");
                        }
                    }
                    h.append(digits.charAt((b >> 4) & 0xF)).append(digits.charAt(b & 0xF));
                }
                pad(h.toString());
            }
            default -> badVerb(verb, s);
        }
    }

    private String truncate(String s) {
        if (precPresent && s.codePointCount(0, s.length()) > prec) {
            return s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return s;
    }

    private void fmtInteger(long v, int verb, Object arg) {
        switch (verb) {
            case 'v', 'd' -> integer(v, 10, false, "");
            case 'b' -> integer(v, 2, false, sharp ? "0b" : "");
            case 'o' -> integer(v, 8, false, sharp ? "0" : "");
            case 'O' -> integer(v, 8, false, "0o");
            case 'x' -> integer(v, 16, false, sharp ? "0x" : "");
            case 'X' -> integer(v, 16, true, sharp ? "0X" : "");
            case 'c' -> pad(new String(Character.toChars(validRune(v))));
            case 'q' -> pad(GoQuote.quoteRune(v));
            case 'U' -> {
                String hex = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
                pad("U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex);
            }
            default -> badVerb(verb, arg);
        }
    }

    private static int validRune(long v) {
        return v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF) ? 0xFFFD : (int) v;
    }

    private void integer(long v, int radix, boolean upper, String prefix) {
        boolean negative = v < 0;
        String digits = negative ? java.math.BigInteger.valueOf(v).negate().toString(radix) : Long.toString(v, radix);
        if (upper) {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        int minDigits = 0;
        if (precPresent) {
            minDigits = prec;
            if (prec == 0 && v == 0) {
                boolean z = zero;
                zero = false;
                pad("");
                zero = z;
                return;
            }
        } else if (zero && widPresent) {
            minDigits = wid;
            if (negative || plus || space) {
                minDigits--;
            }
            minDigits -= prefix.length();
        }
        StringBuilder s = new StringBuilder();
        if (negative) {
            s.append('-');
        } else if (plus) {
            s.append('+');
        } else if (space) {
            s.append(' ');
        }
        s.append(prefix);
        if (digits.length() < minDigits) {
            s.append("0".repeat(minDigits - digits.length()));
        }
        s.append(digits);
        boolean z = zero;
        zero = false;
        pad(s.toString());
        zero = z;
    }

    private void fmtFloat(double v, int verb, Object arg) {
        char fmt;
        int defaultPrec;
        switch (verb) {
            case 'v' -> {
                fmt = 'g';
                defaultPrec = -1;
            }
            case 'g', 'G' -> {
                fmt = (char) verb;
                defaultPrec = -1;
            }
            case 'e', 'E', 'f' -> {
                fmt = (char) verb;
                defaultPrec = 6;
            }
            case 'F' -> {
                fmt = 'f';
                defaultPrec = 6;
            }
            case 'b', 'x', 'X' -> {
                String num = GoFloat.binary(v, (char) verb, precPresent ? prec : -1);
                pad(num.startsWith("-") ? num : (plus ? "+" : space ? " " : "") + num);
                return;
            }
            default -> {
                badVerb(verb, arg);
                return;
            }
        }
        String num = GoFloat.format(v, fmt, precPresent ? prec : defaultPrec);
        if (!num.startsWith("-")) {
            num = (plus ? "+" : space ? " " : "") + num;
        }
        if (num.endsWith("Inf") || num.endsWith("NaN")) {
            boolean z = zero;
            zero = false;
            pad(num);
            zero = z;
            return;
        }
        if (zero && widPresent && wid > num.length() && !minus) {
            boolean signed = num.charAt(0) == '-' || num.charAt(0) == '+' || num.charAt(0) == ' ';
            String body = signed ? num.substring(1) : num;
            buf.append(signed ? num.substring(0, 1) : "").append("0".repeat(wid - num.length())).append(body);
            return;
        }
        pad(num);
    }
}
