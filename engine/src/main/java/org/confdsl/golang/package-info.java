/**
 * Go's standard library semantics that confd's templates rely on ({@code path}, {@code strings}),
 * shared by the Groovy templates, the Go templates and the confd setups.
 */
package org.confdsl.golang;
