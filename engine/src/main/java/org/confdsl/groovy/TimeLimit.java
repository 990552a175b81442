package org.confdsl.groovy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs user code (a script's body, a template's render) on a worker thread for at most a given
 * time. When the time passes the worker is interrupted, which stops Groovy code compiled with
 * {@code ThreadInterrupt} at its next loop, closure or method, and the caller gets a
 * {@link TimeLimitExceededException} at once: the caller never waits longer than the limit plus
 * a short grace, even for code that ignores interrupts (that worker is then left behind, a
 * daemon thread, and the exception says so).
 *
 * <p>Workers are daemon threads named {@code confdsl-code-N}, reused while busy ones are not.
 * An interrupt of the caller is passed on to the worker.
 */
public final class TimeLimit {

    /** How long a stopped worker is given to end after its interrupt, so that its last line is known. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "confdsl-code-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private TimeLimit() {
    }

    /**
     * {@code body}'s result, computed on a worker within {@code limit}.
     *
     * @throws TimeLimitExceededException when {@code limit} passed first
     * @throws InterruptedException when the caller was interrupted while waiting (the worker is interrupted too)
     * @throws Exception what {@code body} threw, as it threw it (an {@link Error} too)
     */
    public static <T> T call(Duration limit, Callable<T> body) throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<Throwable> endedWith = new AtomicReference<>();
        Future<T> future = WORKERS.submit(() -> {
            try {
                return body.call();
            } catch (Exception | Error e) {
                endedWith.set(e);
                throw e;
            } finally {
                ended.countDown();
            }
        });
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            boolean stopped = ended.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            throw new TimeLimitExceededException(limit, stopped, Optional.ofNullable(endedWith.get()));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception x) {
                throw x;
            }
            if (cause instanceof Error x) {
                throw x;
            }
            throw e;
        }
    }
}
