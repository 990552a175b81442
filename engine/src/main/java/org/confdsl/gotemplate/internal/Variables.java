package org.confdsl.gotemplate.internal;

import java.util.Arrays;

/**
 * The executor's variable stack: {@code $} and every {@code $x} in scope, innermost last. A
 * {@code template} call sees only its own {@code $} (Go has no dynamic scoping), so lookups stop at
 * the current template's base.
 */
final class Variables {

    /** What {@link #get} returns for a name not in scope (the parser makes this rare). */
    static final Object UNDEFINED = new Object();

    private String[] names = new String[16];
    private Object[] values = new Object[16];
    private int size;
    private int base;

    int mark() {
        return size;
    }

    void push(String name, Object value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size++] = value;
    }

    void pop(int mark) {
        for (int i = mark; i < size; i++) {
            values[i] = null;
        }
        size = mark;
    }

    /** Sets the {@code n}-th variable from the top (1 = the top), as range sets its element and index. */
    void setTop(int n, Object value) {
        values[size - n] = value;
    }

    /** @return false when no variable of that name is in scope */
    boolean set(String name, Object value) {
        for (int i = size - 1; i >= base; i--) {
            if (names[i].equals(name)) {
                values[i] = value;
                return true;
            }
        }
        return false;
    }

    Object get(String name) {
        for (int i = size - 1; i >= base; i--) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return UNDEFINED;
    }

    /** Starts a template's scope with {@code $} = {@code dot}; returns what {@link #leaveTemplate} needs. */
    int enterTemplate(Object dot) {
        int saved = base;
        base = size;
        push("$", dot);
        return saved;
    }

    void leaveTemplate(int savedBase) {
        pop(base);
        base = savedBase;
    }
}
