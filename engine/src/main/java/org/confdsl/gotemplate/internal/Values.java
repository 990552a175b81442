package org.confdsl.gotemplate.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Brings what Java code returns into the template value model (arrays and collections become lists). */
final class Values {

    private Values() {
    }

    static Object normalize(Object v) {
        if (v instanceof Object[] a) {
            return Arrays.asList(a);
        }
        if (v instanceof Collection<?> c && !(v instanceof List)) {
            return java.util.Collections.unmodifiableList(new java.util.ArrayList<Object>(c));
        }
        return v;
    }
}
