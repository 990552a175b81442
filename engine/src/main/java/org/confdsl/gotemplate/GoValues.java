package org.confdsl.gotemplate;

import java.util.List;
import java.util.Map;

/**
 * Go's view of the Java values a template handles: truthiness ({@code if}, {@code and}, {@code not})
 * and type names (in error messages and {@code %!d(string=x)}). See {@link GoTemplate} for the model.
 */
public final class GoValues {

    private GoValues() {
    }

    /**
     * Go's {@code template.IsTrue}: false for nil, false, 0, 0.0, an empty string, list or map;
     * true for anything else (a struct is always true).
     */
    public static boolean isTrue(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Integer i) {
            return i != 0;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return true;
    }

    /** @return whether {@code v} is a Go int ({@code Long}, {@code Integer}, {@code Short}, {@code Byte}) */
    public static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    /** @return whether {@code v} is a Go float ({@code Double} or {@code Float}) */
    public static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float;
    }

    /**
     * Go's name of the value's type, as {@code %T} and error messages print it: {@code string},
     * {@code int}, {@code float64}, {@code bool}, {@code []interface {}}, {@code map[string]interface {}},
     * {@code <nil>}, {@code func}; a {@link GoNamed} object by its Go name, any other by its Java simple class name.
     */
    public static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long || v instanceof Integer) {
            return "int";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List) {
            return "[]interface {}";
        }
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        if (v instanceof Short) {
            return "int16";
        }
        if (v instanceof Byte) {
            return "uint8";
        }
        if (v instanceof Float) {
            return "float32";
        }
        if (v instanceof GoFunction) {
            return "func";
        }
        if (v instanceof GoNamed n) {
            return n.goTypeName();
        }
        return v.getClass().getSimpleName();
    }
}
