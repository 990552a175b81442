package org.confdsl.gotemplate.internal;

import java.util.List;
import org.confdsl.gotemplate.GoValues;

/**
 * Go's {@code fmt.Sprintf} format strings: flags {@code +-# 0}, width, precision ({@code *} too),
 * {@code %%}, and Go's texts for a missing verb or argument and for extra arguments
 * ({@code %!d(MISSING)}, {@code %!(EXTRA int=1)}); each verb is printed by {@link Printer}.
 */
public final class Printf extends Printer {

    private Printf(StringBuilder buf) {
        super(buf);
    }

    /** {@code fmt.Sprintf}. */
    public static String sprintf(String format, List<?> args) {
        StringBuilder out = new StringBuilder(format.length() + 16);
        new Printf(out).doPrintf(format, args);
        return out.toString();
    }

    /** Appends {@code v} as {@code %v} prints it. */
    public static void appendValue(StringBuilder out, Object v) {
        new Printf(out).printArg(v, 'v', 0);
    }

    private void doPrintf(String format, List<?> a) {
        int end = format.length();
        int argNum = 0;
        int i = 0;
        while (i < end) {
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++;
            clearFlags();
            flags:
            for (; i < end; i++) {
                switch (format.charAt(i)) {
                    case '#' -> sharp = true;
                    case '0' -> zero = !minus;
                    case '+' -> plus = true;
                    case '-' -> {
                        minus = true;
                        zero = false;
                    }
                    case ' ' -> space = true;
                    default -> {
                        break flags;
                    }
                }
            }
            if (i < end && format.charAt(i) == '*') {
                i++;
                Integer w = argNum < a.size() && GoValues.isInt(a.get(argNum)) ? ((Number) a.get(argNum)).intValue() : null;
                argNum++;
                if (w == null) {
                    buf.append("%!(BADWIDTH)");
                } else {
                    wid = w;
                    widPresent = true;
                    if (wid < 0) {
                        wid = -wid;
                        minus = true;
                        zero = false;
                    }
                }
            } else {
                int start = i;
                while (i < end && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    wid = Integer.parseInt(format.substring(start, Math.min(i, start + 7)));
                    widPresent = true;
                }
            }
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (format.charAt(i) == '*') {
                    i++;
                    Integer p = argNum < a.size() && GoValues.isInt(a.get(argNum)) ? ((Number) a.get(argNum)).intValue() : null;
                    argNum++;
                    if (p == null || p < 0) {
                        precPresent = false;
                        if (p == null) {
                            buf.append("%!(BADPREC)");
                        }
                    } else {
                        prec = p;
                        precPresent = true;
                    }
                } else {
                    int start = i;
                    while (i < end && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    prec = i > start ? Integer.parseInt(format.substring(start, Math.min(i, start + 7))) : 0;
                    precPresent = true;
                }
            }
            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                buf.append('%');
            } else if (argNum >= a.size()) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    sharp = false;
                    plus = false;
                }
                printArg(a.get(argNum++), verb, 0);
            }
        }
        if (argNum < a.size()) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.size(); k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                Object arg = a.get(k);
                if (arg == null) {
                    buf.append("<nil>");
                } else {
                    buf.append(GoValues.typeName(arg)).append('=');
                    printArg(arg, 'v', 0);
                }
            }
            buf.append(')');
        }
    }
}
