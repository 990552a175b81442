package org.confdsl.store;

import java.util.List;

/** Receives a store's changes. Called from the store's own thread; implementations return quickly. */
public interface WatchListener {

    /** Changes that happened together, in revision order. */
    void onEvents(List<WatchEvent> events);

    /**
     * The watch cannot follow the changes any more (history compacted, store replaced, file
     * unreadable): the receiver re-reads with {@link KeyValueStore#snapshot} and watches again.
     */
    void onResync(StoreException cause);
}
