package org.confdsl.gotemplate.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.confdsl.gotemplate.FuncMap;
import org.confdsl.gotemplate.GoKind;

/**
 * A Java method with parameters called as a Go method ({@code {{datetime.Format "2006-01-02"}}}):
 * its parameter types become Go's ({@code String} string, {@code long}/{@code int} int,
 * {@code double} float64, {@code boolean} bool, anything else interface{}), so arguments are
 * checked and worded as for a typed Go method.
 */
final class MethodFunc {

    private MethodFunc() {
    }

    static FuncMap.Func of(Object receiver, Method m) {
        Class<?>[] types = m.getParameterTypes();
        List<GoKind> kinds = new ArrayList<>(types.length);
        for (Class<?> t : types) {
            kinds.add(kind(t));
        }
        return new FuncMap.Func(m.getName(), types.length, false, args -> invoke(receiver, m, types, args), kinds,
                GoKind.ANY);
    }

    private static GoKind kind(Class<?> t) {
        if (t == String.class) {
            return GoKind.STRING;
        }
        if (t == long.class || t == Long.class || t == int.class || t == Integer.class) {
            return GoKind.INT;
        }
        if (t == double.class || t == Double.class) {
            return GoKind.FLOAT;
        }
        if (t == boolean.class || t == Boolean.class) {
            return GoKind.BOOL;
        }
        return GoKind.ANY;
    }

    private static Object invoke(Object receiver, Method m, Class<?>[] types, List<Object> args) throws Exception {
        Object[] argv = new Object[args.size()];
        for (int i = 0; i < argv.length; i++) {
            Object a = args.get(i);
            argv[i] = (types[i] == int.class || types[i] == Integer.class) && a instanceof Long l ? (Object) l.intValue() : a;
        }
        try {
            return m.invoke(receiver, argv);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
