package org.confdsl.store.etcd;

import java.util.Collection;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;

/**
 * The newest modification revision among the keys under some prefixes: per range, the one key
 * with the highest mod revision (sorted by etcd, keys only, limit 1), so the answer costs a few
 * small reads whatever the prefix holds. A key deleted since leaves no revision behind; a
 * caller that deleted keys itself knows those revisions.
 */
public final class LastChange {

    private LastChange() {
    }

    /** The newest mod revision under {@code prefixes}; 0 when they hold no key. */
    public static long of(Client client, EtcdConnector connector, Collection<String> prefixes) {
        long newest = 0;
        for (KeyRanges.Range r : KeyRanges.of(prefixes)) {
            GetOption.Builder o = GetOption.builder().withKeysOnly(true).withLimit(1)
                    .withSortField(GetOption.SortTarget.MOD).withSortOrder(GetOption.SortOrder.DESCEND);
            r.end().ifPresent(o::withRange);
            GetResponse got = EtcdErrors.await(client.getKVClient().get(r.key(), o.build()), connector, "reading etcd");
            for (KeyValue kv : got.getKvs()) {
                newest = Math.max(newest, kv.getModRevision());
            }
        }
        return newest;
    }
}
