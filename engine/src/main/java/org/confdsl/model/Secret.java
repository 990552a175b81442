package org.confdsl.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A password or token, named where it comes from and read only when the store connects, so that
 * loading a script reads no secret and no secret appears in a model's {@code toString}.
 */
public sealed interface Secret {

    /**
     * The secret's text.
     *
     * @throws IllegalStateException naming the variable or file when it cannot be read
     */
    String reveal();

    /** Where the secret comes from, for messages; never the secret. */
    String source();

    /** A secret written into the script or on the command line (discouraged; use {@link #env} or {@link #file}). */
    static Secret literal(String value) {
        return new Literal(value);
    }

    /** A secret read from an environment variable. */
    static Secret env(String variable) {
        return new Env(variable);
    }

    /** A secret read from a file (trailing newlines removed), e.g. a mounted Docker or Kubernetes secret. */
    static Secret file(Path path) {
        return new File(path);
    }

    /** A literal secret. */
    record Literal(String value) implements Secret {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String reveal() {
            return value;
        }

        @Override
        public String source() {
            return "the script or command line";
        }

        @Override
        public String toString() {
            return "Secret[literal]";
        }
    }

    /** A secret in an environment variable. */
    record Env(String variable) implements Secret {
        public Env {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String reveal() {
            String value = System.getenv(variable);
            if (value == null) {
                throw new IllegalStateException("environment variable " + variable + " is not set; export it or name another source");
            }
            return value;
        }

        @Override
        public String source() {
            return "environment variable " + variable;
        }
    }

    /** A secret in a file. */
    record File(Path path) implements Secret {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String reveal() {
            try {
                return Files.readString(path, StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the secret file " + path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String source() {
            return "file " + path;
        }
    }
}
