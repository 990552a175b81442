package org.confdsl.store.etcd;

import java.util.Optional;

import io.etcd.jetcd.Response;

/**
 * Notices when the etcd behind the endpoints is no longer the one the store was reading: its
 * cluster ID changed (another cluster answers at the same address) or its raft term went back
 * (the data was wiped or restored from a backup). A watch cannot follow such a change; confd
 * does not notice it at all. Thread-safe.
 */
public final class ClusterGuard {

    private final String endpoints;
    private long clusterId;
    private long maxTerm;

    public ClusterGuard(String endpoints) {
        this.endpoints = endpoints;
    }

    /** Records {@code header}; returns why it is not from the same etcd as before, if it is not. */
    public synchronized Optional<String> observe(Response.Header header) {
        if (header == null || header.getClusterId() == 0) {
            return Optional.empty();
        }
        if (clusterId != 0 && header.getClusterId() != clusterId) {
            String was = Long.toHexString(clusterId);
            clusterId = header.getClusterId();
            maxTerm = header.getRaftTerm();
            return Optional.of("etcd at " + endpoints + " is now another cluster (cluster id " + Long.toHexString(clusterId)
                    + ", was " + was + "): it was replaced or re-created, so its history does not continue ours");
        }
        clusterId = header.getClusterId();
        if (header.getRaftTerm() < maxTerm) {
            long was = maxTerm;
            maxTerm = header.getRaftTerm();
            return Optional.of("etcd at " + endpoints + " went back to raft term " + header.getRaftTerm() + " from " + was
                    + ": it was wiped or restored from a backup");
        }
        maxTerm = header.getRaftTerm();
        return Optional.empty();
    }
}
