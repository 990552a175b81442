package org.confdsl.gotemplate.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code .Name} on a Java object that is not a Map: a public no-argument method {@code Name()}, then
 * {@code getName()}, then {@code name()}, then a public field {@code Name} or {@code name}. Looked up
 * once per class and name (reflection only on the first use), then called through a method handle.
 */
final class Fields {

    private static final ClassValue<ConcurrentHashMap<String, Optional<MethodHandle>>> CACHE = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, Optional<MethodHandle>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private Fields() {
    }

    /** @return the accessor, or empty when the class has no such field */
    static Optional<MethodHandle> accessor(Class<?> type, String name) {
        return CACHE.get(type).computeIfAbsent(name, n -> find(type, n));
    }

    private static Optional<MethodHandle> find(Class<?> type, String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String upper = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        String lower = name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
        for (String candidate : new String[] {name, "get" + upper, lower}) {
            Method m = publicMethod(type, candidate);
            if (m != null) {
                try {
                    MethodHandle h = MethodHandles.publicLookup().unreflect(m);
                    return Optional.of(h.asType(MethodType.methodType(Object.class, Object.class)));
                } catch (IllegalAccessException e) {
                    // not accessible from here: try the next spelling
                }
            }
        }
        for (String candidate : new String[] {name, lower}) {
            try {
                Field f = type.getField(candidate);
                if (!Modifier.isStatic(f.getModifiers())) {
                    MethodHandle h = MethodHandles.publicLookup().unreflectGetter(f);
                    return Optional.of(h.asType(MethodType.methodType(Object.class, Object.class)));
                }
            } catch (NoSuchFieldException | IllegalAccessException e) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    private static final ClassValue<ConcurrentHashMap<String, Optional<Method>>> METHODS = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /**
     * A public method named exactly {@code name} that takes parameters (Go's method with arguments,
     * such as time.Time's {@code Format}); empty when there is none.
     */
    static Optional<Method> methodWithParameters(Class<?> type, String name) {
        return METHODS.get(type).computeIfAbsent(name, n -> {
            for (Method m : type.getMethods()) {
                if (m.getName().equals(n) && m.getParameterCount() > 0 && !Modifier.isStatic(m.getModifiers())
                        && m.getReturnType() != void.class && Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        });
    }

    private static Method publicMethod(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            if (Modifier.isStatic(m.getModifiers()) || m.getReturnType() == void.class) {
                return null;
            }
            if (!Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                return publicInterfaceMethod(type, name);
            }
            return m;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Method publicInterfaceMethod(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (Modifier.isPublic(i.getModifiers())) {
                    try {
                        return i.getMethod(name);
                    } catch (NoSuchMethodException e) {
                        // keep looking
                    }
                }
            }
            if (c != type && Modifier.isPublic(c.getModifiers())) {
                try {
                    return c.getMethod(name);
                } catch (NoSuchMethodException e) {
                    // keep looking
                }
            }
        }
        return null;
    }
}
