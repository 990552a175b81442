package org.confdsl.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the real programs the tests need, or says how to install them. */
public final class Executables {

    private Executables() {
    }

    /**
     * The path of {@code name} on the PATH or in {@code /usr/sbin}, {@code /usr/bin}.
     *
     * @throws IllegalStateException saying how to install the package, so that a test fails loudly
     */
    public static Path require(String name, String debianPackage) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                name + " not found on the PATH: install it (Debian: apt-get install -y " + debianPackage
                        + "); .ci/run does this when it is missing"));
    }

    /** The path of {@code name}, if installed. */
    public static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/usr/bin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
