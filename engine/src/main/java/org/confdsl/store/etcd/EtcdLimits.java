package org.confdsl.store.etcd;

import java.util.Locale;

/**
 * Recognises the failures of a read that say "ask for less" or "start over", in the words etcd
 * and gRPC use: more operations than {@code --max-txn-ops} allows, a response larger than the
 * client's message limit, a revision compacted away.
 */
final class EtcdLimits {

    private EtcdLimits() {
    }

    /** etcd refused a transaction with more operations than its {@code --max-txn-ops}. */
    static boolean tooManyOps(Throwable t) {
        return says(t, "too many operations in txn request");
    }

    /** The response exceeded gRPC's message size limit. */
    static boolean tooLarge(Throwable t) {
        return says(t, "exceeds maximum size") || says(t, "resource_exhausted");
    }

    /** The revision the read was pinned to has been compacted. */
    static boolean compacted(Throwable t) {
        return says(t, "required revision has been compacted") || says(t, "history was compacted");
    }

    private static boolean says(Throwable t, String text) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }
}
