/**
 * The pieces of {@link org.confdsl.store.EtcdStore}: client factory (TLS, auth), consistent
 * reader, watcher, connection monitor and error wording. Not API: anything here may change
 * without notice.
 */
package org.confdsl.store.etcd;
