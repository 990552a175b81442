package org.confdsl.sync.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            // Without a group of its own (no setsid) the leader's descendants are still its tree.
            ProcessHandle.of(leader.pid()).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
            killed = true;
        }
        List<Long> members = members(leader.pid());
        members.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        return killed || !members.isEmpty();
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
