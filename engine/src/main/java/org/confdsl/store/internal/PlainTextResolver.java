package org.confdsl.store.internal;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves no implicit scalar types, so a scalar keeps the text as written: {@code 8080},
 * {@code yes}, {@code 010}, {@code 1.50} and {@code ~} all stay strings. Only {@code <<} keeps
 * its meaning, because merge keys are structure, not a value.
 */
final class PlainTextResolver extends Resolver {

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.MERGE, MERGE, "<");
    }
}
