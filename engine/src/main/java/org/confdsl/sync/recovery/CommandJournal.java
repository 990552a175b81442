package org.confdsl.sync.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where check and reload commands leave their output and their identity while they run, so that
 * a confdsl started after a crash can end the commands the dead one left running and remove their
 * files.
 *
 * <p>Each command gets {@code confdsl-cmd-OWNERPID-OWNERSTART-RANDOM.out} for its output and,
 * once it runs, a {@code .pid} file beside it with the command's pid and start time. The command
 * runs in its own process group (see {@link org.confdsl.sync.CommandRunner}), whose id is its
 * pid. The files are not fsynced: they only matter while the machine is up, and a power loss ends
 * the commands too.
 */
public final class CommandJournal {

    private static final Logger LOG = LoggerFactory.getLogger(CommandJournal.class);
    private static final String PREFIX = "confdsl-cmd-";
    private static final String OUT = ".out";
    private static final String PID = ".pid";

    private final Optional<Path> dir;
    private final ProcessIdentity owner = ProcessIdentity.current();

    private CommandJournal(Optional<Path> dir) {
        this.dir = dir;
    }

    /** Records in {@code stateDir/commands} (created when first needed). */
    public static CommandJournal inDirectory(Path stateDir) {
        return new CommandJournal(Optional.of(stateDir.resolve("commands")));
    }

    /** No records: output files in the temp directory, nothing to recover (tests, embedding). */
    public static CommandJournal none() {
        return new CommandJournal(Optional.empty());
    }

    /** Whether commands are recorded (and should run in a process group of their own). */
    public boolean records() {
        return dir.isPresent();
    }

    /** A new, empty output file for one command. */
    public Path outputFile() throws IOException {
        if (dir.isEmpty()) {
            return Files.createTempFile(PREFIX, OUT);
        }
        Files.createDirectories(dir.get());
        return Files.createTempFile(dir.get(), PREFIX + owner.pid() + "-" + owner.startTicks() + "-", OUT);
    }

    /** Records that the command writing to {@code output} runs as {@code process}. */
    public void started(Path output, ProcessHandle process) {
        if (dir.isEmpty()) {
            return;
        }
        Optional<ProcessIdentity> id = ProcessIdentity.of(process.pid());
        if (id.isEmpty()) {
            return; // already gone: nothing to end later
        }
        try {
            Files.writeString(pidFile(output), "pid=" + id.get().pid() + "\nstart=" + id.get().startTicks() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot record the command in {}: {}", pidFile(output), e.getMessage());
        }
    }

    /** Removes the command's files. */
    public void finished(Path output) {
        deleteQuietly(pidFile(output));
        deleteQuietly(output);
    }

    /**
     * Ends the process groups of commands whose confdsl is gone (a group is ended only while its
     * leader is the very process recorded, or has exited leaving members behind) and removes
     * their files. Records of living confdsl processes are left alone.
     *
     * @return how many process groups were killed
     */
    public int recoverOrphans() {
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return 0;
        }
        int killed = 0;
        for (Path out : outputs()) {
            Optional<ProcessIdentity> writer = ownerOf(out.getFileName().toString());
            if (writer.isEmpty() || writer.get().isAlive()) {
                continue;
            }
            Optional<ProcessIdentity> command = readPid(pidFile(out));
            if (command.isPresent() && ProcessGroups.killOrphanedGroup(command.get())) {
                killed++;
                LOG.warn("ended the orphaned command (process group {}) of a confdsl that died (pid {})",
                        command.get().pid(), writer.get().pid());
            }
            finished(out);
        }
        return killed;
    }

    private List<Path> outputs() {
        try (Stream<Path> files = Files.list(dir.get())) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(OUT);
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.get() + ": " + e.getMessage(), e);
        }
    }

    // confdsl-cmd-OWNERPID-OWNERSTART-RANDOM.out
    private static Optional<ProcessIdentity> ownerOf(String name) {
        String[] parts = name.substring(PREFIX.length()).split("-");
        try {
            return Optional.of(new ProcessIdentity(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ProcessIdentity> readPid(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new ProcessIdentity(Long.parseLong(p.getProperty("pid")), Long.parseLong(p.getProperty("start"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path pidFile(Path output) {
        String name = output.getFileName().toString();
        return output.resolveSibling(name.substring(0, name.length() - OUT.length()) + PID);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // recovery tries again at the next start
        }
    }

    /** Every recorded command, for tests and messages. */
    List<Path> recorded() {
        return dir.isPresent() && Files.isDirectory(dir.get()) ? new ArrayList<>(outputs()) : List.of();
    }
}
