package org.confdsl.sync.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Ending a command's whole tree, politely first, and telling a zombie from a living process. */
class ProcessTreeTest {

    private static long firstLine(Process p) throws Exception {
        return Long.parseLong(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine().strip());
    }

    private static void await(BooleanSupplier fact, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!fact.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(fact.getAsBoolean(), what);
    }

    @Test
    void aTreeThatHeedsSigtermIsGoneWithoutWaitingOutTheGrace() throws Exception {
        Process root = new ProcessBuilder("sh", "-c", "sleep 120 >/dev/null & echo $!; wait").start();
        try {
            ProcessHandle child = ProcessHandle.of(firstLine(root)).orElseThrow();
            long start = System.nanoTime();

            ProcessTree.kill(root.toHandle(), Duration.ofSeconds(30));

            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "returned when all were gone");
            assertFalse(ProcessTree.alive(root.toHandle()));
            assertFalse(ProcessTree.alive(child));
        } finally {
            root.destroyForcibly();
        }
    }

    @Test
    void aTreeThatIgnoresSigtermGetsSigkillAfterTheGrace() throws Exception {
        // The ignored SIGTERM is inherited by the child sleep as well.
        Process root = new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 120 >/dev/null & echo $!; wait").start();
        try {
            ProcessHandle child = ProcessHandle.of(firstLine(root)).orElseThrow();
            long start = System.nanoTime();

            ProcessTree.kill(root.toHandle(), Duration.ofMillis(300));

            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300), "waited the grace first");
            assertFalse(ProcessTree.alive(root.toHandle()));
            await(() -> !ProcessTree.alive(child), "the child got SIGKILL too");
        } finally {
            root.destroyForcibly();
        }
    }

    @Test
    void aZombieIsNotAliveThoughTheJdkSaysSo() throws Exception {
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 120").start();
        try {
            ProcessHandle zombie = ProcessHandle.of(firstLine(parent)).orElseThrow();
            await(() -> {
                try {
                    return java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(zombie.pid()), "stat"))
                            .contains(") Z ");
                } catch (Exception e) {
                    return false;
                }
            }, "the child ended and is not reaped");

            assertTrue(zombie.isAlive(), "the JDK counts it");
            assertFalse(ProcessTree.alive(zombie));
            assertTrue(ProcessTree.alive(parent.toHandle()));
            assertTrue(ProcessTree.alive(ProcessHandle.current()));
        } finally {
            parent.destroyForcibly();
        }
    }
}
