package org.confdsl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The confd fixtures under {@code src/test/resources/confd}, copied to a temp dir with {@code @OUT@} replaced. */
final class ConfdFixtures {

    private ConfdFixtures() {
    }

    /** The fixture directory {@code name} in the test resources. */
    static Path source(String name) {
        try {
            return Path.of(ConfdFixtures.class.getResource("/confd/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies fixture {@code name} to {@code target}, with each TOML's {@code @OUT@} set to {@code out}. */
    static Path copy(String name, Path target, Path out) {
        Path from = source(name);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (p.toString().endsWith(".toml")) {
                    Files.writeString(to, Files.readString(p).replace("@OUT@", out.toString()));
                } else {
                    Files.copy(p, to);
                }
            }
            Files.createDirectories(out);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes confd wrote for fixture {@code name}'s {@code file}. */
    static byte[] expected(String name, String file) {
        try {
            return Files.readAllBytes(source(name).resolve("expected").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
