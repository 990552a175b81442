/**
 * confd setups: reads a confd configuration directory ({@code conf.d/*.toml} template resources,
 * {@code templates/}) and {@code confd.toml} into the same {@code model} records a DSL script
 * produces, so that store, render, sync, run and status are shared; confd's file and env backends
 * with confd's typing; and {@link org.confdsl.confd.Converter}, which writes a DSL script from a
 * setup. Nothing here is loaded on the DSL's start-up path.
 */
package org.confdsl.confd;
