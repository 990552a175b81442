/**
 * Compiling Groovy source (scripts and templates) into classes, with a cache of compiled classes
 * between runs so that a warm start never loads the Groovy compiler.
 */
package org.confdsl.groovy;
