package org.confdsl.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.confdsl.model.CommandSpec;
import org.confdsl.model.Debounce;
import org.confdsl.model.ResourceModel;
import org.confdsl.sync.Outcome;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import org.junit.jupiter.api.Test;

/**
 * The scheduling rules of {@link SyncScheduler} with stand-in syncs: which run together, the
 * barrier at a resource with commands, results in order, nothing left running.
 */
class SyncSchedulerTest {

    private static final Optional<CommandSpec> RELOAD =
            Optional.of(new CommandSpec(List.of("true"), false, Duration.ofSeconds(5)));

    private final Map<String, long[]> spans = new ConcurrentHashMap<>();
    private final List<String> reported = new ArrayList<>();

    @Test
    void syncsWithoutCommandsRunTogetherAndAreReportedInTheResourcesOrder() {
        SyncScheduler scheduler = new SyncScheduler(4);
        CountDownLatch allFourRunning = new CountDownLatch(4);
        SyncScheduler.Pass pass = scheduler.pass(SyncOptions.DEFAULT);
        for (int i = 0; i < 4; i++) {
            ResourceModel r = resource("r" + i, Optional.empty());
            int delay = (4 - i) * 20;
            // Each sync waits until all four run at once: only a concurrent pass gets past it.
            pass.submit(r, timed(r, () -> {
                allFourRunning.countDown();
                await(allFourRunning);
                sleep(delay);
            }), this::report);
        }
        pass.drain();

        assertThat(reported).containsExactly("r0", "r1", "r2", "r3");
        assertThat(allFourRunning.getCount()).isZero();
        assertThat(spans.get("r3")[1]).as("the last resource finished first, and was still reported last")
                .isLessThan(spans.get("r0")[1]);
    }

    @Test
    void aResourceWithACommandWaitsForEverySyncBeforeItAndTheNextOnesWaitForIt() {
        SyncScheduler scheduler = new SyncScheduler(4);
        SyncScheduler.Pass pass = scheduler.pass(SyncOptions.DEFAULT);
        List<ResourceModel> resources = List.of(resource("a", Optional.empty()), resource("b", Optional.empty()),
                resource("cmd", RELOAD), resource("d", Optional.empty()), resource("e", Optional.empty()));
        for (ResourceModel r : resources) {
            pass.submit(r, timed(r, () -> sleep(30)), this::report);
        }
        pass.drain();

        assertThat(reported).containsExactly("a", "b", "cmd", "d", "e");
        long cmdStart = spans.get("cmd")[0];
        long cmdEnd = spans.get("cmd")[1];
        assertThat(spans.get("a")[1]).isLessThanOrEqualTo(cmdStart);
        assertThat(spans.get("b")[1]).isLessThanOrEqualTo(cmdStart);
        assertThat(spans.get("d")[0]).isGreaterThanOrEqualTo(cmdEnd);
        assertThat(spans.get("e")[0]).isGreaterThanOrEqualTo(cmdEnd);
        assertThat(reported.indexOf("cmd")).as("a and b were reported before cmd ran").isEqualTo(2);
    }

    @Test
    void withSyncOnlyAResourceWithCommandsRunsNoCommandAndMayRunBesideOthers() {
        assertThat(SyncScheduler.runsNoCommand(resource("cmd", RELOAD), SyncOptions.DEFAULT)).isFalse();
        assertThat(SyncScheduler.runsNoCommand(resource("cmd", RELOAD), new SyncOptions(false, true, false))).isTrue();
        assertThat(SyncScheduler.runsNoCommand(resource("plain", Optional.empty()), SyncOptions.DEFAULT)).isTrue();
    }

    @Test
    void aDryRunAPoolOfOneAndAPassOverOneResourceRunEverythingOnThePassThread() {
        Thread passThread = Thread.currentThread();
        AtomicInteger elsewhere = new AtomicInteger();
        for (SyncScheduler.Pass pass : List.of(new SyncScheduler(4).pass(new SyncOptions(true, false, false)),
                new SyncScheduler(1).pass(SyncOptions.DEFAULT), new SyncScheduler(4).pass(SyncOptions.DEFAULT, 1))) {
            for (int i = 0; i < 10; i++) {
                ResourceModel r = resource("r" + i, Optional.empty());
                pass.submit(r, timed(r, () -> {
                    if (Thread.currentThread() != passThread) {
                        elsewhere.incrementAndGet();
                    }
                }), this::report);
            }
            pass.drain();
        }
        assertThat(elsewhere).hasValue(0);
        assertThat(reported).hasSize(30);
    }

    @Test
    void aKnownResultWaitsForItsTurn() {
        SyncScheduler.Pass pass = new SyncScheduler(2).pass(SyncOptions.DEFAULT);
        ResourceModel slow = resource("slow", Optional.empty());
        pass.submit(slow, timed(slow, () -> sleep(50)), this::report);
        ResourceModel broken = resource("broken", Optional.empty());
        pass.known(SyncResult.of("broken", Outcome.FAILED, broken.dest(), 1, "template error"), this::report);
        pass.drain();
        assertThat(reported).containsExactly("slow", "broken");
    }

    @Test
    void aPassThatFailsStillWaitsForTheSyncsItStartedAndPassesTheirFailureOn() {
        SyncScheduler.Pass pass = new SyncScheduler(4).pass(SyncOptions.DEFAULT);
        AtomicInteger ended = new AtomicInteger();
        for (int i = 0; i < 6; i++) {
            ResourceModel r = resource("r" + i, Optional.empty());
            pass.submit(r, timed(r, () -> {
                sleep(40);
                ended.incrementAndGet();
            }), this::report);
        }
        pass.abandon();
        assertThat(ended).as("abandon returns only when every started sync ended").hasValue(6);

        SyncScheduler.Pass failing = new SyncScheduler(2).pass(SyncOptions.DEFAULT);
        assertThatThrownBy(() -> {
            failing.submit(resource("boom", Optional.empty()), () -> {
                throw new IllegalStateException("boom");
            }, this::report);
            failing.drain();
        }).as("the sync's own exception, not a wrapper").isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void anInterruptedPassStillWaitsForItsSyncsAndKeepsTheInterrupt() {
        SyncScheduler.Pass pass = new SyncScheduler(2).pass(SyncOptions.DEFAULT);
        AtomicInteger ended = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            ResourceModel r = resource("r" + i, Optional.empty());
            pass.submit(r, timed(r, () -> {
                sleep(40);
                ended.incrementAndGet();
            }), this::report);
        }
        Thread.currentThread().interrupt();
        try {
            pass.drain();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(ended).hasValue(4);
        assertThat(reported).containsExactly("r0", "r1", "r2", "r3");
    }

    private void report(SyncResult result, long finishedNanos) {
        assertThat(finishedNanos).isPositive();
        reported.add(result.resource());
    }

    private Supplier<SyncResult> timed(ResourceModel r, Runnable work) {
        return () -> {
            long start = System.nanoTime();
            work.run();
            spans.put(r.name(), new long[] {start, System.nanoTime()});
            return SyncResult.of(r.name(), Outcome.UPDATED, r.dest(), 1, "");
        };
    }

    private static ResourceModel resource(String name, Optional<CommandSpec> reload) {
        return new ResourceModel(name, "/" + name, List.of("/"), Path.of(name + ".tmpl"), Path.of("/tmp/" + name + ".conf"),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, reload, false,
                Debounce.DEFAULT, 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("the syncs never ran together");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
