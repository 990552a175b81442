package org.confdsl.sync.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Which processes an orphaned group's end reaches, and how processes are identified. */
class ProcessGroupsTest {

    private static void await(BooleanSupplier fact, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!fact.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(fact.getAsBoolean(), what);
    }

    private static long firstLine(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return Long.parseLong(out.readLine().strip());
    }

    @Test
    void aLivingLeaderWithoutAGroupOfItsOwnIsKilledWithItsDescendants() throws Exception {
        Process leader = new ProcessBuilder("sh", "-c", "sleep 120 >/dev/null & echo $!; wait").start();
        try {
            long child = firstLine(leader);
            ProcessIdentity id = ProcessIdentity.of(leader.pid()).orElseThrow();

            assertTrue(ProcessGroups.killOrphanedGroup(id));

            assertTrue(leader.waitFor(10, TimeUnit.SECONDS), "the leader is killed");
            await(() -> ProcessIdentity.of(child).isEmpty(), "its child is killed too");
        } finally {
            leader.destroyForcibly();
        }
    }

    @Test
    void aShellNeverRunsItsNextLineWhenItsChildIsKilled(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // A reload script's "sleep, then write": killing the child before the shell would let the
        // shell, woken by its child's death, write before its own kill lands.
        Path survived = tmp.resolve("survived");
        Process leader = new ProcessBuilder("setsid", "sh", "-c", "sleep 120 >/dev/null 2>&1 & s=$!; i=0; "
                + "while [ $i -lt 200 ]; do sleep 120 >/dev/null 2>&1 & i=$((i+1)); done; echo $s; wait $s; echo survived >> '"
                + survived + "'").start();
        try {
            firstLine(leader);
            ProcessIdentity id = ProcessIdentity.of(leader.pid()).orElseThrow();

            assertTrue(ProcessGroups.killOrphanedGroup(id));

            assertTrue(leader.waitFor(10, TimeUnit.SECONDS), "the shell is killed");
            await(() -> ProcessGroups.members(leader.pid()).isEmpty(), "every member is killed");
            assertFalse(Files.exists(survived), "the shell ran the line after its child's death");
        } finally {
            leader.destroyForcibly();
            ProcessGroups.members(leader.pid()).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void membersLeftBehindByALeaderThatExitedAreKilled() throws Exception {
        Process leader = new ProcessBuilder("setsid", "sh", "-c", "sleep 120 >/dev/null 2>&1 & echo $!; read x").start();
        long member = firstLine(leader);
        try {
            ProcessIdentity id = ProcessIdentity.of(leader.pid()).orElseThrow();
            leader.getOutputStream().close();
            assertTrue(leader.waitFor(10, TimeUnit.SECONDS), "the leader exits");
            await(() -> ProcessIdentity.of(leader.pid()).isEmpty(), "the leader is reaped");
            assertEquals(List.of(member), ProcessGroups.members(leader.pid()));

            assertTrue(ProcessGroups.killOrphanedGroup(id));

            await(() -> ProcessGroups.members(leader.pid()).isEmpty(), "the member is killed");
        } finally {
            ProcessHandle.of(member).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aGoneLeaderWithoutMembersKillsNothing() throws Exception {
        Process p = new ProcessBuilder("setsid", "true").start();
        ProcessIdentity id = ProcessIdentity.of(p.pid()).orElse(new ProcessIdentity(p.pid(), 1));
        p.waitFor(10, TimeUnit.SECONDS);
        p.onExit().get(10, TimeUnit.SECONDS);

        assertFalse(ProcessGroups.killOrphanedGroup(id));
    }

    @Test
    void aZombieIsNoProcessAndHasNoGroup() throws Exception {
        // sh starts a short child and execs sleep, which never reaps it: the child ends as a zombie.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 120").start();
        try {
            long zombie = firstLine(parent);
            await(() -> ProcessIdentity.stat(zombie).map(s -> s.state() == 'Z').orElse(false), "the child is a zombie");

            assertEquals(Optional.empty(), ProcessIdentity.of(zombie));
            assertEquals(Optional.empty(), ProcessIdentity.processGroup(zombie));
            assertTrue(ProcessIdentity.processGroup(parent.pid()).isPresent(), "a living process has a group");
            assertTrue(ProcessIdentity.of(parent.pid()).orElseThrow().isAlive());
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void theHostNameIsTheKernels() throws Exception {
        String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assertEquals(kernel.isEmpty() ? "localhost" : kernel, HostName.get());
        assertFalse(HostName.get().isEmpty());
    }
}
