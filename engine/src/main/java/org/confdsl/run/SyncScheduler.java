package org.confdsl.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.confdsl.model.ResourceModel;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;

/**
 * Schedules the syncs of one pass: the destinations of resources that run no command are written
 * by a small bounded pool, several at once, so that one pass over many changed files does not
 * wait for each file's fsyncs one after another; everything else keeps today's order.
 *
 * <p>The rules, which keep every guarantee of a sequential pass:
 * <ul>
 *   <li><b>Who runs concurrently</b>: a resource whose sync runs no command ({@code --sync-only},
 *       or neither {@code check} nor {@code reload}). Its sync is the same {@link
 *       org.confdsl.sync.Syncer#sync} (stage + fsync, rename, directory fsync, under the
 *       destination's lock and recovery), only on another thread.
 *   <li><b>A barrier at each command</b>: a resource with a check or a reload waits until every
 *       earlier sync of the pass is done, then runs on the pass's thread, alone; later resources
 *       start after it. So a check sees the same files as in a sequential pass, no reload runs
 *       while another destination is half-way, and reloads keep their order and their pending
 *       records ({@link org.confdsl.sync.PendingReloads}) exactly as before.
 *   <li><b>Dry runs</b> ({@code --noop}), a pool of one and a pass over one resource (a watch
 *       daemon's usual change) run everything on the pass's thread.
 *   <li><b>One writer per file</b>: a resource whose destination (symbolic links followed) an
 *       earlier sync of the pass still writes waits for it, so the later render wins as before.
 *   <li><b>Reports in order</b>: results reach the listener on the pass's thread, in the
 *       resources' order, each as soon as it and all before it are known; so outcome lines,
 *       events and status reports read as in a sequential pass.
 *   <li><b>Nothing outlives the pass</b>: it returns (or throws) only when every sync it started
 *       has ended, also when it is interrupted; the daemon releases its destinations after that.
 * </ul>
 *
 * <p>The pool's threads are created when first needed and end after 10 s of idleness, so an
 * idle daemon has none. At most {@code 4 x threads} rendered files wait in memory.
 */
final class SyncScheduler {

    /** Pool size when not set: enough writers to keep a disk's queue busy on a small machine. */
    static final int DEFAULT_THREADS = Integer.getInteger("confdsl.syncThreads", 8);

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ThreadPoolExecutor pool;

    /** A scheduler with {@link #DEFAULT_THREADS} writers. */
    SyncScheduler() {
        this(DEFAULT_THREADS);
    }

    /** @param threads how many destinations may be written at once; 1 means strictly one after another */
    SyncScheduler(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : newPool(threads);
    }

    /** Hears one resource's result, on the pass's thread. */
    @FunctionalInterface
    interface Report {

        /** @param finishedNanos {@link System#nanoTime()} when the sync ended */
        void result(SyncResult result, long finishedNanos);
    }

    /**
     * One pass's syncs: {@link Pass#submit} each resource in order, on the pass's thread, then
     * {@link Pass#drain}; a pass leaving with an exception {@link Pass#abandon}s.
     */
    Pass pass(SyncOptions options) {
        return new Pass(options, pool != null && !options.noop());
    }

    /** As {@link #pass(SyncOptions)} for {@code resources} resources: a pass of one runs it on the pass's thread (no hand-off). */
    Pass pass(SyncOptions options, int resources) {
        return new Pass(options, pool != null && !options.noop() && resources > 1);
    }

    /** Whether {@code resource}'s sync runs no command under {@code options}: it may run beside others. */
    static boolean runsNoCommand(ResourceModel resource, SyncOptions options) {
        return options.syncOnly() || resource.check().isEmpty() && resource.reload().isEmpty();
    }

    /** The syncs of one pass, in flight in order. Used by one thread only. */
    final class Pass {

        private final SyncOptions options;
        private final boolean concurrent;
        private final Deque<InFlight> inFlight = new ArrayDeque<>();
        /** The destinations of the syncs in flight (forgotten when the pass drains). */
        private final Set<Path> writing = new HashSet<>();

        private Pass(SyncOptions options, boolean concurrent) {
            this.options = Objects.requireNonNull(options, "options");
            this.concurrent = concurrent;
        }

        /**
         * Runs or schedules {@code resource}'s sync; reports whatever is finished at the head. A
         * destination that an earlier sync of this pass still writes waits for it, so that the
         * later resource's render wins, as in a sequential pass.
         */
        void submit(ResourceModel resource, Supplier<SyncResult> sync, Report report) {
            Path dest = concurrent ? fileOf(resource.dest()) : resource.dest();
            if (!concurrent || !runsNoCommand(resource, options) || writing.contains(dest)) {
                drain();
                SyncResult result = sync.get();
                report.result(result, System.nanoTime());
                return;
            }
            CompletableFuture<Finished> future = CompletableFuture.supplyAsync(
                    () -> new Finished(sync.get(), System.nanoTime()), pool);
            inFlight.addLast(new InFlight(report, future));
            writing.add(dest);
            reportDone();
            while (inFlight.size() > 4 * threads) {
                reportHead();
            }
        }

        /** A result known without a sync (a render error): reported in its place in the order. */
        void known(SyncResult result, Report report) {
            if (inFlight.isEmpty()) {
                report.result(result, System.nanoTime());
                return;
            }
            inFlight.addLast(new InFlight(report, CompletableFuture.completedFuture(new Finished(result, System.nanoTime()))));
            reportDone();
        }

        /** Waits for every sync started by this pass and reports each, in order. */
        void drain() {
            while (!inFlight.isEmpty()) {
                reportHead();
            }
            writing.clear();
        }

        /**
         * Waits for every sync started by this pass without reporting: for a pass that is leaving
         * with an exception, so that no destination is written after it returned.
         */
        void abandon() {
            boolean interrupted = false;
            while (!inFlight.isEmpty()) {
                try {
                    inFlight.peekFirst().future().get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    continue;
                } catch (ExecutionException e) {
                    // the pass is failing already; its first exception is the one to see
                }
                inFlight.removeFirst();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private void reportDone() {
            while (!inFlight.isEmpty() && inFlight.peekFirst().future().isDone()) {
                reportHead();
            }
        }

        private void reportHead() {
            InFlight head = inFlight.peekFirst();
            Finished finished = awaitUninterruptibly(head.future());
            inFlight.removeFirst();
            head.report().result(finished.result(), finished.nanos());
        }
    }

    /** The file {@code dest} names, symbolic links followed where they exist, to tell two names of one file apart from two files. */
    static Path fileOf(Path dest) {
        Path abs = dest.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException missing) {
            Path parent = abs.getParent();
            try {
                return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName());
            } catch (IOException alsoMissing) {
                return abs;
            }
        }
    }

    /** Waits for a sync even when interrupted (it is short: no command runs in the pool), then re-asserts the interrupt. */
    private static Finished awaitUninterruptibly(Future<Finished> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadPoolExecutor newPool(int threads) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "confdsl-sync-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private record InFlight(Report report, Future<Finished> future) {
    }

    private record Finished(SyncResult result, long nanos) {
    }
}
