package org.confdsl.store.etcd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import org.confdsl.store.PrefixSet;
import org.confdsl.store.Snapshot;
import org.confdsl.store.StoreException;

/**
 * Reads every prefix at one revision, whatever their number and size, within etcd's default
 * limits (128 operations per transaction, 4 MB per gRPC message).
 *
 * <p>The first request is one read-only transaction over the first ranges (at most
 * {@value #OPS_PER_TXN}), each limited to a share of {@value #KEYS_PER_REQUEST} keys; it is
 * linearizable and fixes the snapshot's revision. In the common case (a few prefixes, a few
 * hundred keys) that is the whole read: one round trip, as before. Further ranges are read in
 * more transactions, and a range with more keys than its share in pages, all at that same
 * revision, so the result is one consistent snapshot. When etcd compacts that revision while the
 * read is under way, the read starts over (at most {@value #ATTEMPTS} times). When a response
 * would still exceed the message limit (very large values) or etcd allows fewer operations per
 * transaction, the request is repeated with half as many keys or operations, and the reader
 * keeps the smaller size.
 */
public final class SnapshotReader {

    /** Operations per transaction; etcd's default {@code --max-txn-ops} is 128. */
    static final int OPS_PER_TXN = 64;
    /** Keys asked for in one request: a few hundred kilobytes with values of a hundred bytes. */
    static final int KEYS_PER_REQUEST = 2000;
    /** How many times a read starts over after its revision was compacted. */
    static final int ATTEMPTS = 5;

    private static final byte[] NUL = {0};

    private final EtcdConnector connector;
    private final ClusterGuard guard;
    private final Consumer<String> replaced;
    private volatile int opsPerTxn = OPS_PER_TXN;
    private volatile int keysPerRequest = KEYS_PER_REQUEST;
    private volatile Runnable betweenRequests = () -> { };

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
     *     (each request has its own), or its revision was compacted during {@value #ATTEMPTS} reads in a row
     */
    public Snapshot read(Client client, Collection<String> prefixes) {
        List<KeyRanges.Range> ranges = KeyRanges.of(prefixes);
        for (int attempt = 1;; attempt++) {
            try {
                return readOnce(client, ranges, PrefixSet.of(prefixes));
            } catch (StoreException e) {
                if (!EtcdLimits.compacted(e) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Tests run {@code hook} before every request after the first, e.g. to compact etcd mid-read. */
    void betweenRequests(Runnable hook) {
        this.betweenRequests = hook;
    }

    private Snapshot readOnce(Client client, List<KeyRanges.Range> ranges, PrefixSet prefixes) {
        TreeMap<String, String> entries = new TreeMap<>();
        Deque<KeyRanges.Range> unread = new ArrayDeque<>(ranges);
        Deque<KeyRanges.Range> partial = new ArrayDeque<>();
        long revision = 0;
        while (!unread.isEmpty() || !partial.isEmpty()) {
            if (revision != 0) {
                betweenRequests.run();
            }
            if (!unread.isEmpty()) {
                revision = batch(client, unread, revision, entries, prefixes, partial);
            } else {
                page(client, partial, revision, entries, prefixes);
            }
        }
        return new Snapshot(revision, entries);
    }

    /** Reads the next ranges of {@code unread} in one transaction; returns the revision read at. */
    private long batch(Client client, Deque<KeyRanges.Range> unread, long revision, TreeMap<String, String> entries,
            PrefixSet prefixes, Deque<KeyRanges.Range> partial) {
        while (true) {
            int ops = Math.min(opsPerTxn, unread.size());
            long limit = Math.max(1, keysPerRequest / ops);
            List<KeyRanges.Range> chosen = new ArrayList<>(unread).subList(0, ops);
            Op[] gets = chosen.stream().map(r -> get(r, revision, limit)).toArray(Op[]::new);
            TxnResponse response;
            try {
                response = EtcdErrors.await(client.getKVClient().txn().Then(gets).commit(), connector, "reading etcd");
            } catch (StoreException e) {
                if (EtcdLimits.tooManyOps(e) && ops > 1) {
                    opsPerTxn = Math.max(1, ops / 2);
                    continue;
                }
                if (EtcdLimits.tooLarge(e) && limit > 1) {
                    keysPerRequest = Math.max(1, keysPerRequest / 2);
                    continue;
                }
                throw e;
            }
            long at = revision == 0 ? response.getHeader().getRevision() : revision;
            if (revision == 0) {
                // The first request learns the cluster's identity; watches compare against it later.
                guard.observe(response.getHeader()).ifPresent(replaced);
            }
            List<GetResponse> gotten = response.getGetResponses();
            for (int i = 0; i < chosen.size(); i++) {
                unread.removeFirst();
                collect(chosen.get(i), gotten.get(i), entries, prefixes).ifPresent(partial::addLast);
            }
            return at;
        }
    }

    /** Reads the next page of the first range of {@code partial} at {@code revision}. */
    private void page(Client client, Deque<KeyRanges.Range> partial, long revision, TreeMap<String, String> entries,
            PrefixSet prefixes) {
        KeyRanges.Range range = partial.removeFirst();
        while (true) {
            GetResponse response;
            try {
                response = EtcdErrors.await(client.getKVClient().get(range.key(), option(range, revision, keysPerRequest)),
                        connector, "reading etcd");
            } catch (StoreException e) {
                if (EtcdLimits.tooLarge(e) && keysPerRequest > 1) {
                    keysPerRequest = Math.max(1, keysPerRequest / 2);
                    continue;
                }
                throw e;
            }
            collect(range, response, entries, prefixes).ifPresent(partial::addFirst);
            return;
        }
    }

    /** Adds the covered keys of {@code response}; the rest of {@code range} when etcd has more. */
    private static Optional<KeyRanges.Range> collect(KeyRanges.Range range, GetResponse response,
            TreeMap<String, String> entries, PrefixSet prefixes) {
        List<KeyValue> kvs = response.getKvs();
        for (KeyValue kv : kvs) {
            String key = kv.getKey().toString(StandardCharsets.UTF_8);
            if (prefixes.covers(key)) {
                entries.put(key, kv.getValue().toString(StandardCharsets.UTF_8));
            }
        }
        if (!response.isMore() || kvs.isEmpty()) {
            return Optional.empty();
        }
        // etcd returns keys in byte order: the rest starts just after the last key read
        ByteSequence after = kvs.get(kvs.size() - 1).getKey().concat(ByteSequence.from(NUL));
        return Optional.of(new KeyRanges.Range(after, range.end()));
    }

    private static Op get(KeyRanges.Range range, long revision, long limit) {
        return Op.get(range.key(), option(range, revision, limit));
    }

    private static GetOption option(KeyRanges.Range range, long revision, long limit) {
        GetOption.Builder b = GetOption.builder().withLimit(limit);
        range.end().ifPresent(b::withRange);
        if (revision != 0) {
            b.withRevision(revision);
        }
        return b.build();
    }
}
