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
                Integer w = intFromArg(a, argNum);
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
                i = parseNum(format, i, end);
                if (isNum) {
                    wid = num;
                    widPresent = true;
                }
            }
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (format.charAt(i) == '*') {
                    i++;
                    Integer p = intFromArg(a, argNum);
                    argNum++;
                    if (p == null || p < 0) {
                        precPresent = false;
                        buf.append("%!(BADPREC)");
                    } else {
                        prec = p;
                        precPresent = true;
                    }
                } else {
                    i = parseNum(format, i, end);
                    prec = isNum ? num : 0;
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

    /**
     * Go's {@code intFromArg}: an int argument for {@code *}, or null (then {@code %!(BADWIDTH)} or
     * {@code %!(BADPREC)}) when it is not an int or is beyond Go's {@code tooLarge} (10^6 either way),
     * so no template can ask for gigabytes of padding.
     */
    private static Integer intFromArg(List<?> a, int argNum) {
        if (argNum >= a.size() || !GoValues.isInt(a.get(argNum))) {
            return null;
        }
        long n = ((Number) a.get(argNum)).longValue();
        return n > TOO_LARGE || n < -TOO_LARGE ? null : (int) n;
    }

    /** Go's fmt: widths and precisions beyond this are refused. */
    private static final int TOO_LARGE = 1_000_000;

    /** The last {@link #parseNum}'s number and whether there was one. */
    private int num;
    private boolean isNum;

    /**
     * Go's {@code parsenum}: ASCII digits from {@code start}; a number that grows past
     * {@link #TOO_LARGE} is no number and the rest of the format is consumed (Go then prints
     * {@code %!(NOVERB)}).
     *
     * @return the index after the digits, or {@code end}
     */
    private int parseNum(String s, int start, int end) {
        num = 0;
        isNum = false;
        int i = start;
        for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            if (num > TOO_LARGE) {
                num = 0;
                isNum = false;
                return end;
            }
            num = num * 10 + (s.charAt(i) - '0');
            isNum = true;
        }
        return i;
    }
}
