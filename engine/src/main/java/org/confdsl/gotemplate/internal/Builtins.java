package org.confdsl.gotemplate.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.confdsl.gotemplate.FuncMap;
import org.confdsl.gotemplate.GoFormat;
import org.confdsl.gotemplate.GoFunction;
import org.confdsl.gotemplate.GoTypeError;
import org.confdsl.gotemplate.GoValues;

/** Go's builtin template functions, with Go's arities and error texts. {@code and}/{@code or} are evaluated lazily by {@link Calls}. */
final class Builtins {

    static final Map<String, FuncMap.Func> FUNCS = FuncMap.empty()
            .putVariadic("and", 1, args -> null)
            .putVariadic("or", 1, args -> null)
            .putVariadic("call", 1, Builtins::call)
            .putVariadic("html", 0, Escapers::html)
            .putVariadic("js", 0, Escapers::js)
            .putVariadic("urlquery", 0, Escapers::urlquery)
            .putVariadic("index", 1, Builtins::index)
            .putVariadic("slice", 1, Builtins::slice)
            .put("len", 1, args -> length(args.get(0)))
            .put("not", 1, args -> !GoValues.isTrue(args.get(0)))
            .putVariadic("print", 0, GoFormat::sprint)
            .putVariadic("printf", 1, args -> GoFormat.sprintf(string(args.get(0)), args.subList(1, args.size())))
            .putVariadic("println", 0, GoFormat::sprintln)
            .putVariadic("eq", 1, Compare::eq)
            .put("ne", 2, args -> !Compare.eq(args))
            .put("lt", 2, args -> Compare.lt(args.get(0), args.get(1)))
            .put("le", 2, args -> Compare.lt(args.get(0), args.get(1)) || Compare.eq(args))
            .put("gt", 2, args -> !(Compare.lt(args.get(0), args.get(1)) || Compare.eq(args)))
            .put("ge", 2, args -> !Compare.lt(args.get(0), args.get(1)))
            .asMap();

    static final Set<String> NAMES = FUNCS.keySet();

    private Builtins() {
    }

    private static String string(Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw new GoTypeError("string", v);
    }

    private static Object call(List<Object> args) throws Exception {
        Object fn = args.get(0);
        if (fn == null) {
            throw new IllegalArgumentException("call of nil");
        }
        if (!(fn instanceof GoFunction f)) {
            throw new IllegalArgumentException("non-function of type " + GoValues.typeName(fn));
        }
        return Values.normalize(f.call(java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args.subList(1, args.size())))));
    }

    private static long length(Object v) {
        if (v instanceof String s) {
            return utf8Length(s);
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v == null) {
            throw new IllegalArgumentException("reflect: call of reflect.Value.Type on zero Value");
        }
        throw new IllegalArgumentException("len of type " + GoValues.typeName(v));
    }

    private static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    private static int indexArg(Object index, int cap) {
        if (index == null) {
            throw new IllegalArgumentException("cannot index slice/array with nil");
        }
        if (!GoValues.isInt(index)) {
            throw new IllegalArgumentException("cannot index slice/array with type " + GoValues.typeName(index));
        }
        long x = ((Number) index).longValue();
        if (x < 0 || x > cap) {
            throw new IllegalArgumentException("index out of range: " + x);
        }
        return (int) x;
    }

    private static Object index(List<Object> args) {
        Object item = args.get(0);
        if (item == null) {
            throw new IllegalArgumentException("index of untyped nil");
        }
        for (int i = 1; i < args.size(); i++) {
            Object index = args.get(i);
            if (item == null) {
                throw new IllegalArgumentException("index of nil pointer");
            }
            if (item instanceof List<?> l) {
                int x = indexArg(index, l.size());
                if (x == l.size()) {
                    throw new IllegalArgumentException("reflect: slice index out of range");
                }
                item = l.get(x);
            } else if (item instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                int x = indexArg(index, b.length);
                if (x == b.length) {
                    throw new IllegalArgumentException("reflect: string index out of range");
                }
                item = (long) (b[x] & 0xFF);
            } else if (item instanceof Map<?, ?> m) {
                if (!(index instanceof String)) {
                    throw new IllegalArgumentException("value has type " + GoValues.typeName(index)
                            + "; should be string");
                }
                item = m.get(index);
            } else {
                throw new IllegalArgumentException("can't index item of type " + GoValues.typeName(item));
            }
        }
        return item;
    }

    private static Object slice(List<Object> args) {
        Object item = args.get(0);
        if (item == null) {
            throw new IllegalArgumentException("slice of untyped nil");
        }
        int n = args.size() - 1;
        if (n > 3) {
            throw new IllegalArgumentException("too many slice indexes: " + n);
        }
        int len;
        if (item instanceof String s) {
            if (n == 3) {
                throw new IllegalArgumentException("cannot 3-index slice a string");
            }
            len = utf8Length(s);
        } else if (item instanceof List<?> l) {
            len = l.size();
        } else {
            throw new IllegalArgumentException("can't slice item of type " + GoValues.typeName(item));
        }
        int[] idx = {0, len, len};
        for (int i = 0; i < n; i++) {
            idx[i] = indexArg(args.get(i + 1), len);
        }
        if (idx[0] > idx[1]) {
            throw new IllegalArgumentException("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (n == 3 && idx[1] > idx[2]) {
            throw new IllegalArgumentException("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (item instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return new String(b, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
        }
        return java.util.Collections.unmodifiableList(new java.util.ArrayList<Object>(((List<?>) item).subList(idx[0], idx[1])));
    }
}
