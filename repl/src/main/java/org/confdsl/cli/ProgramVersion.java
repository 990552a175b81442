package org.confdsl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version line ({@code confdsl 1.2.3}) from the properties Maven writes into the jar. Kept
 * apart from picocli so that {@code confdsl --version} can print it before any command is built.
 */
final class ProgramVersion {

    private ProgramVersion() {
    }

    /** {@code confdsl VERSION}, or {@code confdsl (development build)} outside a packaged jar. */
    static String line() {
        Properties p = new Properties();
        try (InputStream in = ProgramVersion.class.getResourceAsStream("/confdsl-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read confdsl-version.properties from the jar", e);
        }
        return "confdsl " + p.getProperty("version", "(development build)");
    }

    /** Whether {@code args} ask only for the version, which {@code main} then prints without building the command tree. */
    static boolean onlyAsked(String[] args) {
        return args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]));
    }
}
