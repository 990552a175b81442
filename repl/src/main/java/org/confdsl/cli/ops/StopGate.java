package org.confdsl.cli.ops;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.confdsl.model.ResourceModel;
import org.confdsl.run.EngineEvents;
import org.confdsl.sync.SyncResult;

/**
 * Lets a daemon stop between two resources, never in the middle of one: once {@link #close} is
 * called, no resource starts (the engine is cancelled before it touches one), and the caller
 * waits for the resources in progress to finish, at most the grace period. So a stop prints no
 * false "interrupted" outcome and leaves no half-done sync.
 */
final class StopGate implements EngineEvents {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private boolean closed;
    /** Resources started and not finished: several when a pass writes destinations concurrently. */
    private int busy;

    @Override
    public void resourceStarting(ResourceModel resource) {
        lock.lock();
        try {
            if (closed) {
                throw new CancellationException("stopping");
            }
            busy++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void resourceFinished(SyncResult result, Duration took) {
        lock.lock();
        try {
            busy = Math.max(0, busy - 1);
            if (busy == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lets no further resource start and waits until the one in progress is done.
     *
     * @return whether the engine is idle (false: {@code grace} ran out with a resource still in progress)
     */
    boolean close(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        lock.lock();
        try {
            closed = true;
            while (busy > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
