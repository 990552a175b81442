package org.confdsl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies an example out of the source tree so a test can write beside it. */
final class Examples {

    static final Path ROOT = Path.of("..", "dsl-examples").toAbsolutePath().normalize();

    static Path copy(String name, Path into) {
        Path from = ROOT.resolve(name);
        Path to = into.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    if (!p.getFileName().toString().equals("out")) {
                        Files.createDirectories(target);
                    }
                } else if (!from.relativize(p).startsWith("out")) {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    private Examples() {
    }
}
