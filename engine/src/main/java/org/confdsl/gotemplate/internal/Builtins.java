package org.confdsl.gotemplate.internal;

import java.util.Set;

/** Go's builtin template functions. */
final class Builtins {

    static final Set<String> NAMES = Set.of("and", "call", "html", "index", "slice", "js", "len", "not", "or",
            "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne");

    private Builtins() {
    }
}
