package org.confdsl.gotemplate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Go's {@code fmtsort} order for map keys: strings bytewise, numbers by value; as range and {@code %v} use. */
final class Sorting {

    private Sorting() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Map.Entry<?, ?>> entries(Map<?, ?> m) {
        List<Map.Entry<?, ?>> list = new ArrayList<>(m.entrySet());
        if (m instanceof SortedMap<?, ?> s && s.comparator() == null && allStrings(m)) {
            return list;
        }
        list.sort((a, b) -> compareKeys(a.getKey(), b.getKey()));
        return list;
    }

    private static boolean allStrings(Map<?, ?> m) {
        return m.isEmpty() || m.keySet().iterator().next() instanceof String;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareKeys(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable c && b != null && a.getClass() == b.getClass()) {
            return c.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
