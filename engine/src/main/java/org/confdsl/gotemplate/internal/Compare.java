package org.confdsl.gotemplate.internal;

import java.util.List;
import java.util.Map;
import org.confdsl.gotemplate.GoValues;

/** Go's comparison builtins {@code eq ne lt le gt ge}: basic kinds only, no int/float mixing. */
final class Compare {

    private enum Kind { INVALID, BOOL, INT, FLOAT, STRING, OTHER }

    private Compare() {
    }

    private static Kind kind(Object v) {
        if (v == null) {
            return Kind.INVALID;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        if (GoValues.isInt(v)) {
            return Kind.INT;
        }
        if (GoValues.isFloat(v)) {
            return Kind.FLOAT;
        }
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        return Kind.OTHER;
    }

    static boolean eq(List<Object> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("missing argument for comparison");
        }
        Object a = args.get(0);
        Kind k1 = kind(a);
        for (int i = 1; i < args.size(); i++) {
            Object b = args.get(i);
            Kind k2 = kind(b);
            boolean truth;
            if (k1 != k2) {
                if (a != null && b != null) {
                    throw new IllegalArgumentException("incompatible types for comparison");
                }
                truth = false;
            } else {
                truth = switch (k1) {
                    case INT -> ((Number) a).longValue() == ((Number) b).longValue();
                    case FLOAT -> ((Number) a).doubleValue() == ((Number) b).doubleValue();
                    case STRING, BOOL -> a.equals(b);
                    case INVALID -> true;
                    default -> {
                        if (a instanceof List || a instanceof Map) {
                            throw new IllegalArgumentException("non-comparable type " + Printf.sprintf("%s", List.of(b)) + ": "
                                    + GoValues.typeName(b));
                        }
                        yield a.equals(b);
                    }
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    static boolean lt(Object a, Object b) {
        Kind k1 = kind(a);
        Kind k2 = kind(b);
        if (k1 == Kind.INVALID || k1 == Kind.OTHER || k2 == Kind.INVALID || k2 == Kind.OTHER) {
            throw new IllegalArgumentException("invalid type for comparison");
        }
        if (k1 != k2) {
            throw new IllegalArgumentException("incompatible types for comparison");
        }
        return switch (k1) {
            case INT -> ((Number) a).longValue() < ((Number) b).longValue();
            case FLOAT -> ((Number) a).doubleValue() < ((Number) b).doubleValue();
            case STRING -> GoStringsCompare.compare((String) a, (String) b) < 0;
            default -> throw new IllegalArgumentException("invalid type for comparison");
        };
    }

    /** Go compares strings bytewise in UTF-8, which is code point order. */
    static final class GoStringsCompare {
        private GoStringsCompare() {
        }

        static int compare(String a, String b) {
            int n = Math.min(a.length(), b.length());
            for (int i = 0; i < n; i++) {
                char x = a.charAt(i);
                char y = b.charAt(i);
                if (x != y) {
                    if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                        return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                    }
                    return Character.compare(x, y);
                }
            }
            return Integer.compare(a.length(), b.length());
        }
    }
}
