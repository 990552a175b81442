package org.confdsl.store;

/**
 * Keys that live only as long as their holder: put through a lease, they vanish when the lease is
 * closed, or, in etcd, a few seconds after the holding process died and stopped renewing it.
 * Watch daemons publish their status this way, so a dead daemon is never waited for.
 */
public interface Lease extends AutoCloseable {

    /**
     * Sets {@code key} to {@code value} for as long as this lease lives. The lease remembers what
     * it holds and puts it back by itself when it had to be renewed after an outage.
     *
     * @throws StoreException when the store cannot be written now (the next put or renewal retries)
     */
    void put(String key, String value);

    /** Ends the lease: every key it holds is removed now. Never throws. */
    @Override
    void close();
}
