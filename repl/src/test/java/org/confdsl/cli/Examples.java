package org.confdsl.cli;

import java.nio.file.Path;

import org.confdsl.testkit.HostDirs;

/** Copies an example out of the source tree so a test can write beside it. */
final class Examples {

    static final Path ROOT = Path.of("..", "dsl-examples").toAbsolutePath().normalize();

    static Path copy(String name, Path into) {
        return HostDirs.copyTree(ROOT.resolve(name), into);
    }

    private Examples() {
    }
}
