package org.confdsl.gotemplate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
     * @param kinds the types of the fixed parameters ({@link GoKind#ANY} each when not declared)
     * @param rest the type of each variadic argument
     */
    public record Func(String name, int fixed, boolean variadic, GoFunction function, List<GoKind> kinds, GoKind rest) {
        public Func {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(function, "function");
            if (fixed < 0) {
                throw new IllegalArgumentException("negative arity for " + name);
            }
            kinds = List.copyOf(kinds);
            if (kinds.size() != fixed) {
                throw new IllegalArgumentException(name + ": " + fixed + " parameters but " + kinds.size() + " kinds");
            }
            Objects.requireNonNull(rest, "rest");
        }

        /** A function whose parameters are all {@code interface{}}. */
        public Func(String name, int fixed, boolean variadic, GoFunction function) {
            this(name, fixed, variadic, function, java.util.Collections.nCopies(fixed, GoKind.ANY), GoKind.ANY);
        }

        /** @return the declared type of argument {@code i} (0-based) */
        public GoKind kindOf(int i) {
            return i < fixed ? kinds.get(i) : rest;
        }

        /** @return whether any parameter has a declared type */
        public boolean typed() {
            return rest != GoKind.ANY || kinds.stream().anyMatch(k -> k != GoKind.ANY);
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

    /**
     * Adds (or replaces) a function with typed parameters, like Go's {@code func(a string, n int)}:
     * {@code put("add", List.of(GoKind.INT, GoKind.INT), fn)}. Arguments are converted and checked
     * before the call (see {@link GoKind}).
     *
     * @return this map, for chaining
     */
    public FuncMap put(String name, List<GoKind> params, GoFunction function) {
        funcs.put(name, new Func(name, params.size(), false, function, params, GoKind.ANY));
        return this;
    }

    /**
     * Adds (or replaces) a variadic function with typed parameters, like Go's
     * {@code func(key string, rest ...string)}: {@code putVariadic("getv", List.of(GoKind.STRING), GoKind.STRING, fn)}.
     *
     * @return this map, for chaining
     */
    public FuncMap putVariadic(String name, List<GoKind> fixed, GoKind rest, GoFunction function) {
        funcs.put(name, new Func(name, fixed.size(), true, function, fixed, rest));
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
