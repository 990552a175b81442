package org.confdsl.gotemplate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The functions a template may call, by name: Go's {@code template.FuncMap} plus each function's
 * arity, which Go reads from the function's signature and which Java must be told. A function
 * named here shadows a builtin of the same name, as in Go. {@link GoTemplate#parse} checks at parse
 * time that every called name exists ({@code function "getvv" not defined}); the executor checks
 * the number of arguments before each call, in Go's words ({@code wrong number of args for getv:
 * want 1 got 2}, {@code want at least 1 got 0} for a variadic one).
 *
 * <p>Mutable while being filled, then copied by {@link GoTemplate#parse}: later changes do not
 * reach templates already parsed.
 */
public final class FuncMap {

    /**
     * One function with its arity.
     *
     * @param name the name templates call it by
     * @param fixed the number of fixed arguments
     * @param variadic whether any number of further arguments may follow the fixed ones
     * @param function the implementation
     */
    public record Func(String name, int fixed, boolean variadic, GoFunction function) {
        public Func {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(function, "function");
            if (fixed < 0) {
                throw new IllegalArgumentException("negative arity for " + name);
            }
        }
    }

    private final Map<String, Func> funcs = new LinkedHashMap<>();

    /** @return an empty map; only the builtins are callable */
    public static FuncMap empty() {
        return new FuncMap();
    }

    /**
     * Adds (or replaces) a function that takes exactly {@code arity} arguments.
     *
     * @return this map, for chaining
     */
    public FuncMap put(String name, int arity, GoFunction function) {
        funcs.put(name, new Func(name, arity, false, function));
        return this;
    }

    /**
     * Adds (or replaces) a variadic function: {@code fixed} arguments, then any number more (Go's
     * {@code func(a string, rest ...string)} has {@code fixed = 1}).
     *
     * @return this map, for chaining
     */
    public FuncMap putVariadic(String name, int fixed, GoFunction function) {
        funcs.put(name, new Func(name, fixed, true, function));
        return this;
    }

    /** Adds every function of {@code other}, replacing those of the same name. */
    public FuncMap putAll(FuncMap other) {
        funcs.putAll(other.funcs);
        return this;
    }

    /** @return the function of that name, if added */
    public Optional<Func> get(String name) {
        return Optional.ofNullable(funcs.get(name));
    }

    /** @return an unmodifiable copy of the functions, by name */
    public Map<String, Func> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(funcs));
    }
}
