package org.confdsl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A script with one resource whose check and reload are shell scripts that record their process
 * id and, while a flag file exists, wait: the window a test kills the daemon in. The key file
 * holds {@code /app/value}; the template renders {@code value = VALUE}. The check accepts a
 * candidate that contains {@code good}.
 */
final class CrashScene {

    final Path dir;
    final Path script;
    final Path keys;
    final Path dest;
    final Path state;
    final Path checkStarted;
    final Path reloadStarted;
    final Path reloadLog;
    final Path slowCheck;
    final Path slowReload;

    CrashScene(Path dir, boolean checkInPlace) {
        this.dir = dir;
        this.script = dir.resolve("app.groovy");
        this.keys = dir.resolve("keys.yaml");
        this.dest = dir.resolve("out/app.conf");
        this.state = dir.resolve("state");
        this.checkStarted = dir.resolve("check.started");
        this.reloadStarted = dir.resolve("reload.started");
        this.reloadLog = dir.resolve("reload.log");
        this.slowCheck = dir.resolve("slow-check");
        this.slowReload = dir.resolve("slow-reload");
        try {
            Files.writeString(dir.resolve("app.tmpl"), "value = ${getv('/value')}\n");
            // Whether to be slow is decided before the pid is recorded: a test that sees the pid,
            // kills confdsl and deletes the slow-file must not let the orphan go on and finish.
            Files.writeString(dir.resolve("check.sh"), "slow=; [ -e '" + slowCheck + "' ] && slow=1\n"
                    + "echo $$ >> '" + checkStarted + "'\n"
                    + "if [ -n \"$slow\" ]; then sleep 120; fi\n"
                    + "grep -q good \"$1\"\n");
            Files.writeString(dir.resolve("reload.sh"), "slow=; [ -e '" + slowReload + "' ] && slow=1\n"
                    + "echo $$ >> '" + reloadStarted + "'\n"
                    + "if [ -n \"$slow\" ]; then sleep 120; fi\n"
                    + "cat '" + dest + "' >> '" + reloadLog + "'\n");
            Files.writeString(script, "store file('keys.yaml')\n"
                    + "resource('app') {\n"
                    + "    prefix '/app'\n"
                    + "    keys '/value'\n"
                    + "    template 'app.tmpl'\n"
                    + "    dest 'out/app.conf'\n"
                    + "    mkdirs true\n"
                    + "    check 'sh " + dir.resolve("check.sh") + " {{.src}}'" + (checkInPlace ? ", inPlace: true" : "") + "\n"
                    + "    reload 'sh " + dir.resolve("reload.sh") + "'\n"
                    + "}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the key file atomically (a reader never sees half of it). */
    void value(String value) throws IOException {
        Path temp = dir.resolve(".keys.yaml.tmp");
        Files.writeString(temp, "app:\n  value: " + value + "\n");
        Files.move(temp, keys, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String render(String value) {
        return "value = " + value + "\n";
    }

    String destText() throws IOException {
        return Files.readString(dest, StandardCharsets.UTF_8);
    }

    String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("run", script.toString(), "--state-dir", state.toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Process ids the check or reload script recorded, in order. */
    static List<Long> pids(Path started) throws IOException {
        if (!Files.exists(started)) {
            return List.of();
        }
        return Files.readAllLines(started).stream().filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.strip())).toList();
    }

    /**
     * What a crash may leave behind and recovery must remove: stage and backup files beside the
     * destination (the lock file is not a leftover: it stays, empty of meaning when unlocked), and
     * command output files in the child's temp directory or the state directory.
     */
    List<Path> leftovers() throws IOException {
        List<Path> found = new ArrayList<>();
        found.addAll(list(dest.getParent(), n -> n.startsWith("." + dest.getFileName() + ".confdsl-") && !n.endsWith(".confdsl-lock")));
        found.addAll(listTree(dir.resolve("jtmp"), n -> n.startsWith("confdsl-cmd-")));
        found.addAll(listTree(state, n -> n.startsWith("confdsl-cmd-") || n.endsWith(".intent")));
        return found;
    }

    private static List<Path> list(Path d, java.util.function.Predicate<String> name) throws IOException {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(d)) {
            return files.filter(p -> name.test(p.getFileName().toString())).toList();
        }
    }

    private static List<Path> listTree(Path d, java.util.function.Predicate<String> name) throws IOException {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(d)) {
            return files.filter(p -> name.test(p.getFileName().toString())).toList();
        }
    }

    /** Whether {@code pid} runs (a zombie, dead but not reaped by a PID 1 that does not reap, does not). */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills what the scripts started and may still run (orphans of a killed daemon), whatever the test found. */
    void killStrays() throws IOException {
        List<Long> all = new ArrayList<>(pids(checkStarted));
        all.addAll(pids(reloadStarted));
        for (long pid : all) {
            ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").endsWith("sh")).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
        }
    }
}
