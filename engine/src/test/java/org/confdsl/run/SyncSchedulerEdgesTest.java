package org.confdsl.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.confdsl.model.Debounce;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.Outcome;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edges of {@link SyncScheduler}: which thread runs a sync, when results are reported, one writer
 * per file through symbolic links, the pool's threads, an abandoned or interrupted pass. No sleeps:
 * every wait is for a fact, bounded.
 */
class SyncSchedulerEdgesTest {

    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(20);

    @TempDir
    Path dir;

    private final Thread passThread = Thread.currentThread();
    private final List<String> reported = new ArrayList<>();
    private final Map<String, Thread> ranOn = new ConcurrentHashMap<>();

    // ---- fileOf: two names of one file are one file ----

    @Test
    void fileOfFollowsASymbolicLinkToAnExistingFile() throws IOException {
        Path real = Files.writeString(dir.resolve("real.conf"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), real);
        assertThat(SyncScheduler.fileOf(link)).isEqualTo(real.toRealPath());
        assertThat(SyncScheduler.fileOf(real)).isEqualTo(real.toRealPath());
    }

    @Test
    void fileOfAMissingFileFollowsALinkedDirectory() throws IOException {
        Path realDir = Files.createDirectory(dir.resolve("realdir"));
        Path linkDir = Files.createSymbolicLink(dir.resolve("linkdir"), realDir);
        assertThat(SyncScheduler.fileOf(linkDir.resolve("new.conf"))).isEqualTo(realDir.toRealPath().resolve("new.conf"));
    }

    @Test
    void fileOfAFileInAMissingDirectoryIsItsNormalizedAbsoluteName() {
        Path missing = dir.resolve("nodir").resolve("..").resolve("nodir2").resolve("x.conf");
        assertThat(SyncScheduler.fileOf(missing)).isEqualTo(dir.toAbsolutePath().resolve("nodir2").resolve("x.conf"));
    }

    @Test
    void twoResourcesNamingOneFileThroughALinkNeverWriteAtOnceAndTheLaterRenderWins() throws IOException {
        Path real = Files.writeString(dir.resolve("real.conf"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), real);
        SyncScheduler.Pass pass = new SyncScheduler(4).pass(SyncOptions.DEFAULT);
        AtomicInteger writers = new AtomicInteger();
        AtomicInteger maxWriters = new AtomicInteger();
        CountDownLatch secondStarted = new CountDownLatch(1);

        ResourceModel first = resource("first", real);
        pass.submit(first, sync(first, () -> {
            maxWriters.accumulateAndGet(writers.incrementAndGet(), Math::max);
            // Stay in the file until the second one starts too, or the pass thread waits for this sync.
            awaitFact(() -> secondStarted.getCount() == 0 || waitsForASync(passThread), "neither happened");
            write(real, "first");
            writers.decrementAndGet();
        }), this::report);
        ResourceModel second = resource("second", link);
        pass.submit(second, sync(second, () -> {
            secondStarted.countDown();
            maxWriters.accumulateAndGet(writers.incrementAndGet(), Math::max);
            write(link, "second");
            writers.decrementAndGet();
        }), this::report);
        pass.drain();

        assertThat(maxWriters).as("one writer per file").hasValue(1);
        assertThat(ranOn.get("first")).isNotSameAs(passThread);
        assertThat(ranOn.get("second")).as("waited for the first, then ran on the pass's thread").isSameAs(passThread);
        assertThat(Files.readString(real)).isEqualTo("second");
        assertThat(reported).containsExactly("first", "second");
    }

    @Test
    void twoDistinctExistingFilesAreWrittenAtOnce() throws IOException {
        Path a = Files.writeString(dir.resolve("a.conf"), "old");
        Path b = Files.writeString(dir.resolve("b.conf"), "old");
        SyncScheduler.Pass pass = new SyncScheduler(4).pass(SyncOptions.DEFAULT);
        CountDownLatch bothRunning = new CountDownLatch(2);
        for (Path p : List.of(a, b)) {
            ResourceModel r = resource(p.getFileName().toString(), p);
            pass.submit(r, sync(r, () -> {
                bothRunning.countDown();
                awaitFact(() -> bothRunning.getCount() == 0, "the two files were not written at once");
            }), this::report);
        }
        pass.drain();
        assertThat(ranOn.values()).doesNotContain(passThread);
        assertThat(reported).containsExactly("a.conf", "b.conf");
    }

    @Test
    void aDestinationIsFreeAgainOnceThePassDrained() throws IOException {
        Path a = Files.writeString(dir.resolve("a.conf"), "old");
        SyncScheduler.Pass pass = new SyncScheduler(2).pass(SyncOptions.DEFAULT);
        ResourceModel r1 = resource("r1", a);
        pass.submit(r1, sync(r1, () -> { }), this::report);
        pass.drain();
        ResourceModel r2 = resource("r2", a);
        pass.submit(r2, sync(r2, () -> { }), this::report);
        pass.drain();
        assertThat(ranOn.get("r1")).isNotSameAs(passThread);
        assertThat(ranOn.get("r2")).as("no earlier sync writes a.conf any more").isNotSameAs(passThread);
        assertThat(reported).containsExactly("r1", "r2");
    }

    // ---- which thread runs a pass ----

    @Test
    void aPassOverSeveralResourcesRunsInThePoolUnlessDryOrAPoolOfOne() {
        SyncScheduler.Pass concurrent = new SyncScheduler(4).pass(SyncOptions.DEFAULT, 2);
        submitPlain(concurrent, "c0", "c1");
        SyncScheduler.Pass dry = new SyncScheduler(4).pass(new SyncOptions(true, false, false), 5);
        submitPlain(dry, "d0", "d1");
        SyncScheduler.Pass single = new SyncScheduler(1).pass(SyncOptions.DEFAULT, 5);
        submitPlain(single, "s0", "s1");

        assertThat(ranOn.get("c0")).isNotSameAs(passThread);
        assertThat(ranOn.get("c1")).isNotSameAs(passThread);
        for (String inline : List.of("d0", "d1", "s0", "s1")) {
            assertThat(ranOn.get(inline)).as(inline).isSameAs(passThread);
        }
        assertThat(reported).containsExactly("c0", "c1", "d0", "d1", "s0", "s1");
    }

    @Test
    void poolThreadsAreDaemonsThatEndWhenIdle() throws ReflectiveOperationException {
        SyncScheduler scheduler = new SyncScheduler(2);
        SyncScheduler.Pass pass = scheduler.pass(SyncOptions.DEFAULT);
        submitPlain(pass, "a", "b");
        assertThat(ranOn.get("a").isDaemon()).as("a pool thread never keeps the JVM alive").isTrue();
        assertThat(ranOn.get("b").isDaemon()).isTrue();
        assertThat(ranOn.get("a").getName()).startsWith("confdsl-sync-");
        ThreadPoolExecutor pool = pool(scheduler);
        assertThat(pool.allowsCoreThreadTimeOut()).as("an idle daemon has no sync threads").isTrue();
        assertThat(pool.getKeepAliveTime(TimeUnit.SECONDS)).isEqualTo(10);
    }

    // ---- when results are reported ----

    @Test
    void aFinishedSyncIsReportedByTheNextSubmitAndByAKnownResult() throws ReflectiveOperationException {
        SyncScheduler scheduler = new SyncScheduler(2);
        ThreadPoolExecutor pool = pool(scheduler);
        SyncScheduler.Pass pass = scheduler.pass(SyncOptions.DEFAULT);
        CountDownLatch release = new CountDownLatch(1);

        ResourceModel r0 = resource("r0", dir.resolve("r0.conf"));
        pass.submit(r0, sync(r0, () -> awaitFact(() -> release.getCount() == 0, "never released")), this::report);
        assertThat(reported).isEmpty();
        release.countDown();
        awaitFact(() -> pool.getCompletedTaskCount() >= 1, "r0 never ended");

        CountDownLatch release1 = new CountDownLatch(1);
        ResourceModel r1 = resource("r1", dir.resolve("r1.conf"));
        pass.submit(r1, sync(r1, () -> awaitFact(() -> release1.getCount() == 0, "never released")), this::report);
        assertThat(reported).as("the submit reported what had finished").containsExactly("r0");
        release1.countDown();
        awaitFact(() -> pool.getCompletedTaskCount() >= 2, "r1 never ended");

        pass.known(SyncResult.of("broken", Outcome.FAILED, dir.resolve("broken.conf"), 1, "template error"), this::report);
        assertThat(reported).as("the known result reported what had finished, then itself").containsExactly("r0", "r1", "broken");
        pass.drain();
        assertThat(reported).containsExactly("r0", "r1", "broken");
    }

    @Test
    void atMostFourTimesThreadsSyncsWaitBeforeTheSubmitBlocks() {
        SyncScheduler.Pass pass = new SyncScheduler(2).pass(SyncOptions.DEFAULT);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean passBlocked = new AtomicBoolean();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            names.add("r" + i);
        }
        try {
            for (int i = 0; i < 8; i++) {
                ResourceModel r = resource(names.get(i), dir.resolve(names.get(i) + ".conf"));
                pass.submit(r, sync(r, () -> awaitFact(() -> {
                    if (waitsForASync(passThread)) {
                        passBlocked.set(true);
                        return true;
                    }
                    return release.getCount() == 0;
                }, "never released")), this::report);
            }
            assertThat(passBlocked).as("8 = 4 x 2 syncs in flight do not block the pass").isFalse();
            assertThat(reported).isEmpty();

            ResourceModel ninth = resource("r8", dir.resolve("r8.conf"));
            pass.submit(ninth, sync(ninth, () -> awaitFact(() -> release.getCount() == 0, "never released")), this::report);
            assertThat(passBlocked).as("the 9th waited for the head").isTrue();
            assertThat(reported).startsWith("r0");
        } finally {
            release.countDown();
            pass.drain();
        }
        assertThat(reported).containsExactlyElementsOf(names);
    }

    @Test
    void aKnownResultWithNothingInFlightIsReportedAtOnce() {
        SyncScheduler.Pass pass = new SyncScheduler(2).pass(SyncOptions.DEFAULT);
        pass.known(SyncResult.of("broken", Outcome.FAILED, dir.resolve("broken.conf"), 1, "template error"), this::report);
        assertThat(reported).containsExactly("broken");
    }

    @Test
    void anErrorInAPooledSyncReachesThePassUnwrapped() {
        SyncScheduler.Pass pass = new SyncScheduler(2).pass(SyncOptions.DEFAULT);
        ResourceModel r = resource("err", dir.resolve("err.conf"));
        // Not an OutOfMemoryError: PIT's minions treat that one as fatal. The submit itself throws
        // when the sync already failed by then (it reports a finished head), else the drain.
        assertThatThrownBy(() -> {
            pass.submit(r, () -> {
                throw new SyncError("no room");
            }, this::report);
            pass.drain();
        }).isExactlyInstanceOf(SyncError.class).hasMessage("no room");
    }

    private static final class SyncError extends Error {
        SyncError(String message) {
            super(message);
        }
    }

    // ---- abandon ----

    @Test
    void anInterruptedAbandonWaitsForItsSyncsReportsNothingAndKeepsTheInterrupt() {
        SyncScheduler.Pass pass = new SyncScheduler(2).pass(SyncOptions.DEFAULT);
        AtomicInteger ended = new AtomicInteger();
        for (String name : List.of("r0", "r1")) {
            ResourceModel r = resource(name, dir.resolve(name + ".conf"));
            pass.submit(r, sync(r, () -> {
                // Ends only once the pass thread, interrupted, waits in abandon for it.
                awaitFact(() -> waitsForASync(passThread), "abandon never waited");
                ended.incrementAndGet();
            }), this::report);
        }
        Thread.currentThread().interrupt();
        try {
            pass.abandon();
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(ended).as("abandon returned only when its syncs ended").hasValue(2);
        assertThat(reported).as("an abandoned pass reports nothing").isEmpty();
    }

    @Test
    void anAbandonThatIsNotInterruptedDoesNotInterrupt() {
        SyncScheduler.Pass pass = new SyncScheduler(2).pass(SyncOptions.DEFAULT);
        submitNoDrain(pass, "r0");
        pass.abandon();
        assertThat(Thread.interrupted()).isFalse();
    }

    // ---- helpers ----

    private void submitNoDrain(SyncScheduler.Pass pass, String name) {
        ResourceModel r = resource(name, dir.resolve(name + ".conf"));
        pass.submit(r, sync(r, () -> { }), this::report);
    }

    private void submitPlain(SyncScheduler.Pass pass, String... names) {
        for (String name : names) {
            submitNoDrain(pass, name);
        }
        pass.drain();
    }

    private static ThreadPoolExecutor pool(SyncScheduler scheduler) throws ReflectiveOperationException {
        Field f = SyncScheduler.class.getDeclaredField("pool");
        f.setAccessible(true);
        return (ThreadPoolExecutor) f.get(scheduler);
    }

    /** Whether {@code t} is parked waiting for a sync's future (not merely for a lock). */
    private static boolean waitsForASync(Thread t) {
        Object blocker = LockSupport.getBlocker(t);
        return blocker != null && blocker.getClass().getName().startsWith("java.util.concurrent.CompletableFuture");
    }

    private static void awaitFact(BooleanSupplier fact, String failure) {
        long deadline = System.nanoTime() + BOUND_NANOS;
        while (!fact.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(failure);
            }
            Thread.yield();
            LockSupport.parkNanos(100_000);
        }
    }

    private void report(SyncResult result, long finishedNanos) {
        assertThat(Thread.currentThread()).as("reports reach the pass's thread").isSameAs(passThread);
        reported.add(result.resource());
    }

    private Supplier<SyncResult> sync(ResourceModel r, Runnable work) {
        return () -> {
            ranOn.put(r.name(), Thread.currentThread());
            work.run();
            return SyncResult.of(r.name(), Outcome.UPDATED, r.dest(), 1, "");
        };
    }

    private static void write(Path p, String content) {
        try {
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResourceModel resource(String name, Path dest) {
        return new ResourceModel(name, "/" + name, List.of("/"), Path.of(name + ".tmpl"), dest,
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false,
                Debounce.DEFAULT, 1);
    }
}
