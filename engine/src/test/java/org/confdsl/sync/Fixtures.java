package org.confdsl.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.ResourceModel;
import org.confdsl.template.Rendered;

/** Resources, renders and file probes for the sync tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Rendered rendered(String text) {
        return new Rendered(text.getBytes(StandardCharsets.UTF_8), new TreeSet<>(), 42);
    }

    public static CommandSpec argv(String... words) {
        return new CommandSpec(List.of(words), false, Duration.ofSeconds(20));
    }

    public static CommandSpec shell(String line) {
        return new CommandSpec(List.of(line), true, Duration.ofSeconds(20));
    }

    /** A command that appends a line to {@code marker} and exits with {@code exit}. */
    public static CommandSpec marking(Path marker, int exit) {
        return argv("sh", "-c", "echo ran >> \"$1\"; echo 'reload says hi' >&2; exit " + exit, "sh", marker.toString());
    }

    public static int lines(Path marker) throws IOException {
        return Files.exists(marker) ? Files.readAllLines(marker).size() : 0;
    }

    public static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    public static int mode(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:mode") & 07777;
    }

    public static int uid(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:uid");
    }

    public static int gid(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:gid");
    }

    /** Files in {@code dir} whose names mark them as ours (stage files, backups). */
    public static List<Path> stageFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".confdsl-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fluent way to a {@link ResourceModel}; every field has a harmless default. */
    public static Builder resource(Path dest) {
        return new Builder(dest);
    }

    public static final class Builder {
        private final Path dest;
        private OptionalInt mode = OptionalInt.empty();
        private Optional<String> owner = Optional.empty();
        private Optional<String> group = Optional.empty();
        private Optional<CommandSpec> check = Optional.empty();
        private boolean checkInPlace;
        private Optional<CommandSpec> reload = Optional.empty();
        private boolean mkdirs;
        private String name = "app";

        private Builder(Path dest) {
            this.dest = dest;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder mode(int value) {
            mode = OptionalInt.of(value);
            return this;
        }

        public Builder owner(String value) {
            owner = Optional.of(value);
            return this;
        }

        public Builder group(String value) {
            group = Optional.of(value);
            return this;
        }

        public Builder check(CommandSpec value) {
            check = Optional.of(value);
            return this;
        }

        public Builder checkInPlace(CommandSpec value) {
            check = Optional.of(value);
            checkInPlace = true;
            return this;
        }

        public Builder reload(CommandSpec value) {
            reload = Optional.of(value);
            return this;
        }

        public Builder mkdirs() {
            mkdirs = true;
            return this;
        }

        public ResourceModel build() {
            return new ResourceModel(name, "/app", List.of("/"), dest.resolveSibling("app.tmpl"), dest, mode, owner,
                    group, check, checkInPlace, reload, mkdirs, org.confdsl.model.Debounce.DEFAULT, 1);
        }
    }
}
