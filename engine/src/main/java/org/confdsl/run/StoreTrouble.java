package org.confdsl.run;

import org.confdsl.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a store that cannot be read once, not at every retry: a daemon facing an outage of an
 * hour writes one warning and, when the store answers again, one line saying so.
 */
final class StoreTrouble {

    private static final Logger LOG = LoggerFactory.getLogger(StoreTrouble.class);

    private String lastProblem;

    /**
     * A read failed; {@code then} says what happens next (e.g. "retrying every 1s").
     *
     * @return whether this was logged as a warning (a new problem), not a repeat
     */
    synchronized boolean failed(StoreException e, String then) {
        String problem = e.getMessage();
        if (problem.equals(lastProblem)) {
            LOG.debug("{}; {}", problem, then);
            return false;
        }
        LOG.warn("{}; {}", problem, then);
        lastProblem = problem;
        return true;
    }

    /**
     * A read succeeded: says so once if it had been failing.
     *
     * @return whether a recovery was logged
     */
    synchronized boolean readable(String store) {
        if (lastProblem == null) {
            return false;
        }
        LOG.info("{} can be read again", store);
        lastProblem = null;
        return true;
    }
}
