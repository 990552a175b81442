package org.confdsl.sync.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds and kills the members of a process group, as {@code kill -KILL -PGID} would. */
final class ProcessGroups {

    private ProcessGroups() {
    }

    /**
     * Kills every process of the group led by {@code leader}, if that group is still the one we
     * started: its leader is the very process recorded (same start time), or the leader has
     * exited and members remain (Linux does not reuse a pid while a group of that id exists).
     *
     * @return whether anything was killed
     */
    static boolean killOrphanedGroup(ProcessIdentity leader) {
        var now = ProcessIdentity.of(leader.pid());
        if (now.isPresent() && !now.get().equals(leader)) {
            return false; // the pid was reused: the group we started is gone
        }
        boolean killed = false;
        if (now.isPresent()) {
            // The leader before its descendants, the whole group at once where it leads one: a
            // shell woken by its child's death would otherwise run its next line (a reload's
            // write after its sleep) before its own kill lands. Without a group of its own (no
            // setsid) the leader's descendants are still its tree: each is killed after it.
            List<ProcessHandle> tree = ProcessHandle.of(leader.pid()).map(p -> p.descendants().toList()).orElse(List.of());
            killWholeGroup(leader.pid());
            ProcessHandle.of(leader.pid()).ifPresent(ProcessHandle::destroyForcibly);
            tree.forEach(ProcessHandle::destroyForcibly);
            killed = true;
        }
        List<Long> members = members(leader.pid());
        members.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        return killed || !members.isEmpty();
    }

    /**
     * {@code kill -KILL -PGID}: one signal to every member of the group {@code pid} leads, in one
     * system call (the JDK signals single processes only). Never this process's own group.
     */
    private static void killWholeGroup(long pid) {
        boolean leadsItsGroup = ProcessIdentity.processGroup(pid).map(g -> g == pid).orElse(false);
        boolean ours = ProcessIdentity.processGroup(ProcessHandle.current().pid()).map(g -> g == pid).orElse(true);
        if (!leadsItsGroup || ours) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -9 -\"$0\"", Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            // The kills one by one that follow still end the group.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The pids whose process group is {@code group}. */
    static List<Long> members(long group) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> ProcessIdentity.processGroup(pid).map(g -> g == group).orElse(false))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
