package org.confdsl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A directory of its own for each simulated host of a test that runs several confdsl daemons on one
 * machine. confdsl allows one process per destination (the destination lock), so every host renders
 * the same script and templates from a copy of its own, and the script's relative destinations land
 * in that copy: {@code ROOT/HOST/...}.
 */
public final class HostDirs {

    private HostDirs() {
    }

    /**
     * Copies {@code files} (a script and the files it names beside it) into {@code root/host/},
     * replacing earlier copies.
     *
     * @return {@code root/host}, created when missing
     * @throws UncheckedIOException when a file cannot be copied
     */
    public static Path copyFiles(Path root, String host, Path... files) {
        Path dir = root.resolve(host);
        try {
            Files.createDirectories(dir);
            for (Path f : files) {
                Files.copy(f, dir.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + java.util.Arrays.toString(files) + " for host " + host + " into " + dir, e);
        }
        return dir;
    }

    /**
     * Copies the directory {@code from} (an example: script, templates, keys) into
     * {@code root/host/<from's name>}, leaving out its {@code out} directory (rendered files of the
     * source tree).
     *
     * @return the copy
     * @throws UncheckedIOException when a file cannot be copied
     */
    public static Path copyTree(Path from, Path root, String host) {
        return copyTree(from, root.resolve(host));
    }

    /**
     * Copies the directory {@code from} into {@code into/<from's name>}, leaving out its {@code out}
     * directory.
     *
     * @return the copy
     * @throws UncheckedIOException when a file cannot be copied
     */
    public static Path copyTree(Path from, Path into) {
        Path to = into.resolve(from.getFileName().toString());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("out")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " into " + to, e);
        }
        return to;
    }
}
