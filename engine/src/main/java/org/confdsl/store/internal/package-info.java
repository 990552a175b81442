/**
 * Building blocks of the store implementations: YAML flattening, change feeds, file watching.
 * Not API: anything here may change without notice.
 */
package org.confdsl.store.internal;
