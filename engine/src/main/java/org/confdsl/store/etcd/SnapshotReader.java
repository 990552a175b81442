package org.confdsl.store.etcd;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Op;
import org.confdsl.store.KeyPrefix;
import org.confdsl.store.Snapshot;

/**
 * Reads every prefix in one read-only transaction, so that all of them are seen at the same
 * revision (the transaction's), linearizably (from the leader's view).
 */
public final class SnapshotReader {

    private final EtcdConnector connector;
    private final ClusterGuard guard;
    private final Consumer<String> replaced;

    /** {@code replaced} hears why, when a read finds that another etcd answers now (see {@link ClusterGuard}). */
    public SnapshotReader(EtcdConnector connector, ClusterGuard guard, Consumer<String> replaced) {
        this.connector = connector;
        this.guard = guard;
        this.replaced = replaced;
    }

    /**
     * The keys covered by {@code prefixes} at one revision.
     *
     * @throws org.confdsl.store.StoreException when etcd cannot be read within the request timeout
     */
    public Snapshot read(Client client, Collection<String> prefixes) {
        List<KeyRanges.Range> ranges = KeyRanges.of(prefixes);
        Op[] gets = ranges.stream().map(KeyRanges.Range::get).toArray(Op[]::new);
        TxnResponse response = EtcdErrors.await(client.getKVClient().txn().Then(gets).commit(), connector, "reading etcd");
        // The reader learns the cluster's identity; watches compare against it later.
        guard.observe(response.getHeader()).ifPresent(replaced);
        TreeMap<String, String> entries = new TreeMap<>();
        for (GetResponse get : response.getGetResponses()) {
            for (KeyValue kv : get.getKvs()) {
                String key = kv.getKey().toString(StandardCharsets.UTF_8);
                if (KeyPrefix.coveredByAny(prefixes, key)) {
                    entries.put(key, kv.getValue().toString(StandardCharsets.UTF_8));
                }
            }
        }
        return new Snapshot(response.getHeader().getRevision(), entries);
    }
}
