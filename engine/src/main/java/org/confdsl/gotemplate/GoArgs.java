package org.confdsl.gotemplate;

import java.util.List;

/**
 * Reading a {@link GoFunction}'s arguments as Go's typed parameters receive them: a value of another
 * type is Go's {@code wrong type for value; expected string; got int} ({@link GoTypeError}).
 */
public final class GoArgs {

    private GoArgs() {
    }

    /** @return argument {@code i} as a Go string parameter */
    public static String string(List<Object> args, int i) {
        Object v = args.get(i);
        if (v instanceof String s) {
            return s;
        }
        throw new GoTypeError("string", v);
    }

    /** @return argument {@code i} as a Go int parameter (an int constant or int value; not a float) */
    public static long integer(List<Object> args, int i) {
        Object v = args.get(i);
        if (GoValues.isInt(v)) {
            return ((Number) v).longValue();
        }
        throw new GoTypeError("int", v);
    }

    /** @return argument {@code i} as a Go bool parameter */
    public static boolean bool(List<Object> args, int i) {
        Object v = args.get(i);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new GoTypeError("bool", v);
    }
}
