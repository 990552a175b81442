package org.confdsl.gotemplate.internal;

import org.confdsl.gotemplate.GoKind;
import org.confdsl.gotemplate.GoValues;

/**
 * Arguments for typed parameters ({@link GoKind}), converted and checked as Go's executor does for
 * a typed Go function: literals by their kind at the literal, values by their type at the node last
 * evaluated.
 */
final class TypedArgs {

    private final Executor ex;
    private final Calls calls;

    TypedArgs(Executor executor, Calls calls) {
        this.ex = executor;
        this.calls = calls;
    }

    Object eval(Object dot, Node n, GoKind kind) {
        if (kind == GoKind.ANY) {
            return calls.evalArg(dot, n);
        }
        ex.at(n);
        if (n instanceof Node.NilNode) {
            throw ex.errorf("cannot assign nil to " + kind.goName());
        }
        if (n instanceof Node.StringNode || n instanceof Node.NumberNode || n instanceof Node.BoolNode) {
            return literal(n, kind);
        }
        return validate(calls.evalArg(dot, n), kind);
    }

    private Object literal(Node n, GoKind kind) {
        switch (kind) {
            case STRING:
                if (n instanceof Node.StringNode s) {
                    return s.text();
                }
                throw ex.errorf("expected string; found " + n);
            case BOOL:
                if (n instanceof Node.BoolNode b) {
                    return b.value();
                }
                throw ex.errorf("expected bool; found " + n);
            case INT:
                if (n instanceof Node.NumberNode num) {
                    if (num.constant() instanceof Long l) {
                        return l;
                    }
                    if (num.constant() instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                        return d.longValue();
                    }
                }
                throw ex.errorf("expected integer; found " + n);
            case FLOAT:
                if (n instanceof Node.NumberNode num && num.constant() instanceof Number x) {
                    return x.doubleValue();
                }
                throw ex.errorf("expected float; found " + n);
            default:
                throw ex.errorf("can't handle " + n + " for arg of type " + kind.goName());
        }
    }

    /** Go's validateType for a value (a function result, field, variable or the pipeline's value). */
    Object validate(Object v, GoKind kind) {
        if (kind == GoKind.ANY) {
            return v;
        }
        if (v == null) {
            throw ex.errorf("invalid value; expected " + kind.goName());
        }
        boolean ok = switch (kind) {
            case STRING -> v instanceof String;
            case INT -> v instanceof Long || v instanceof Integer;
            case FLOAT -> v instanceof Double;
            case BOOL -> v instanceof Boolean;
            default -> true;
        };
        if (!ok) {
            throw ex.errorf("wrong type for value; expected " + kind.goName() + "; got " + GoValues.typeName(v));
        }
        return v instanceof Integer i ? Long.valueOf(i) : v;
    }
}
