package org.confdsl.gotemplate.internal;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import org.confdsl.gotemplate.GoValues;

/**
 * {@code .a.b.c} on a value: map keys, or struct fields of Java objects through {@link Fields}.
 * A missing key is Go's invalid value ({@code <no value>}) and stays so down the chain; a nil
 * stored in a map is an error one field further, as in Go.
 */
final class FieldChain {

    private final Executor ex;
    private final Calls calls;

    FieldChain(Executor executor, Calls calls) {
        this.ex = executor;
        this.calls = calls;
    }

    /** {@code iface}: the receiver's Go type is {@code interface {}} (an element of a slice or map). */
    Object eval(Object dot, Object receiver, Node n, String[] ident, Node[] args, Object fin, boolean iface) {
        int last = ident.length - 1;
        for (int i = 0; i < last; i++) {
            boolean fromMap = receiver instanceof Map;
            receiver = evalField(dot, ident[i], n, null, Executor.NO_FINAL, receiver, iface);
            iface = fromMap;
        }
        Object v = evalField(dot, ident[last], n, args, fin, receiver, iface);
        return v == Executor.MISSING || v == Executor.NIL_IN_MAP ? null : v;
    }

    /** {@code iface}: the receiver came out of a map, so Go's messages name its type {@code interface {}}. */
    private Object evalField(Object dot, String name, Node n, Node[] args, Object fin, Object receiver, boolean iface) {
        if (receiver == null || receiver == Executor.MISSING) {
            return Executor.MISSING;
        }
        if (receiver == Executor.NIL_IN_MAP) {
            throw ex.errorf("nil pointer evaluating interface {}." + name);
        }
        boolean hasArgs = args != null && args.length > 1 || fin != Executor.NO_FINAL;
        if (receiver instanceof Map<?, ?> map) {
            if (hasArgs) {
                throw ex.errorf(name + " is not a method but has arguments");
            }
            Object v = map.get(name);
            if (v == null) {
                return map.containsKey(name) ? Executor.NIL_IN_MAP : Executor.MISSING;
            }
            return v;
        }
        Optional<MethodHandle> accessor = Fields.accessor(receiver.getClass(), name);
        if (hasArgs || accessor.isEmpty()) {
            Optional<Method> method = Fields.methodWithParameters(receiver.getClass(), name);
            if (method.isPresent()) {
                return calls.call(dot, MethodFunc.of(receiver, method.get()), n, args, fin);
            }
        }
        if (accessor.isEmpty()) {
            throw ex.errorf("can't evaluate field " + name + " in type " + (iface ? "interface {}" : GoValues.typeName(receiver)));
        }
        if (hasArgs) {
            throw ex.errorf(name + " has arguments but cannot be invoked as function");
        }
        try {
            return Values.normalize(accessor.get().invoke(receiver));
        } catch (Throwable e) {
            throw ex.errorf("error calling " + name + ": " + e.getMessage(), e);
        }
    }
}
