package org.confdsl.gotemplate;

import java.util.List;
import org.confdsl.gotemplate.internal.Printf;

/**
 * Go's {@code fmt} printing of template values: {@code %v} ({@code [a b]}, {@code map[a:1]},
 * {@code 1e+06}, {@code <nil>}), {@code Sprint}, {@code Sprintln} and {@code Sprintf} with Go's verbs
 * and its texts for a wrong verb or a missing argument ({@code %!d(string=x)}, {@code %!s(MISSING)}).
 */
public final class GoFormat {

    private GoFormat() {
    }

    /** @return {@code v} as Go's {@code %v} prints it */
    public static String value(Object v) {
        if (v instanceof String s) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        Printf.appendValue(out, v);
        return out.toString();
    }

    /** Appends {@code v} as Go's {@code %v} prints it. */
    public static void appendValue(StringBuilder out, Object v) {
        if (v instanceof String s) {
            out.append(s);
        } else {
            Printf.appendValue(out, v);
        }
    }

    /** {@code fmt.Sprint}: operands printed with {@code %v}, a space between two that are not strings. */
    public static String sprint(List<?> args) {
        StringBuilder out = new StringBuilder();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            boolean isString = a instanceof String;
            if (i > 0 && !isString && !prevString) {
                out.append(' ');
            }
            appendValue(out, a);
            prevString = isString;
        }
        return out.toString();
    }

    /** {@code fmt.Sprintln}: operands printed with {@code %v}, always a space between, a newline at the end. */
    public static String sprintln(List<?> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            appendValue(out, args.get(i));
        }
        return out.append('\n').toString();
    }

    /** {@code fmt.Sprintf}. */
    public static String sprintf(String format, List<?> args) {
        return Printf.sprintf(format, args);
    }
}
