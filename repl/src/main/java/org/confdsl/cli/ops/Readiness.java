package org.confdsl.cli.ops;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.confdsl.run.EngineEvents;
import org.confdsl.sync.SyncResult;

/**
 * Whether a daemon is ready: its first pass has processed every resource, and the last read of
 * the store succeeded. {@code /ready} and exec mode (start the child once every resource has
 * rendered) ask it.
 */
public final class Readiness implements EngineEvents {

    /** Not ready until {@link #expect} names the resources and each has been processed. */
    public Readiness() {
    }

    private final Set<String> waitingFor = new HashSet<>();
    private final CountDownLatch firstPass = new CountDownLatch(1);
    private volatile boolean storeReadable = true;
    private boolean expecting;

    /** The resources of the first script loaded: ready once each has been processed. Later calls change nothing. */
    synchronized void expect(List<String> resources) {
        if (expecting) {
            return;
        }
        expecting = true;
        waitingFor.addAll(resources);
        if (waitingFor.isEmpty()) {
            firstPass.countDown();
        }
    }

    @Override
    public synchronized void resourceFinished(SyncResult result, Duration took) {
        if (expecting && waitingFor.remove(result.resource()) && waitingFor.isEmpty()) {
            firstPass.countDown();
        }
    }

    @Override
    public void storeReadable(boolean readable) {
        storeReadable = readable;
    }

    /** The first pass is done and the store answered its last read. */
    public boolean ready() {
        return firstPass.getCount() == 0 && storeReadable;
    }

    /** Waits until the first pass is done. */
    void awaitFirstPass() throws InterruptedException {
        firstPass.await();
    }
}
