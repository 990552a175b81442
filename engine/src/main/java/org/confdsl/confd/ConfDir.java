package org.confdsl.confd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.confdsl.model.ResourceModel;

/**
 * A confd configuration directory: {@code conf.d/} (template resources, searched recursively for
 * files whose name ends in {@code toml}, in lexical order as Go's {@code filepath.Walk}) and
 * {@code templates/}. A resource is named by its file's path under {@code conf.d/} without
 * {@code .toml}, other characters than letters, digits, {@code _ . -} as {@code -}:
 * {@code conf.d/cloud.toml} is {@code cloud}, {@code conf.d/web/a.toml} is {@code web-a}.
 */
public final class ConfDir {

    /**
     * What reading a directory gave: the resources that could be read, and one message per file that could not.
     *
     * @param resources the readable resources, in lexical order of their files
     * @param problems one message per unreadable file, naming it
     * @param warnings what was read but deserves a change, naming the file
     */
    public record Loaded(List<ResourceModel> resources, List<String> problems, List<String> warnings) {
        public Loaded {
            resources = List.copyOf(resources);
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    private final Path root;

    /** @param root the confd directory ({@code -confdir}, default {@code /etc/confd}) */
    public ConfDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The directory. */
    public Path root() {
        return root;
    }

    /** {@code CONFDIR/conf.d}. */
    public Path confD() {
        return root.resolve("conf.d");
    }

    /** {@code CONFDIR/templates}. */
    public Path templates() {
        return root.resolve("templates");
    }

    /**
     * Reads every template resource.
     *
     * @param prefixOverride a prefix that replaces each resource's own (confd's {@code -prefix})
     * @throws ConfdException when the directory does not exist or {@code conf.d} cannot be listed
     */
    public Loaded load(Optional<String> prefixOverride) {
        if (!Files.isDirectory(root)) {
            throw new ConfdException("Cannot load template resources: confdir '" + root
                    + "' does not exist; give the directory that holds conf.d/ and templates/ with -confdir");
        }
        TemplateResourceReader reader = new TemplateResourceReader(templates(), prefixOverride);
        List<ResourceModel> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path file : tomlFiles()) {
            String name = confD().relativize(file).toString().replace('\\', '/');
            name = name.endsWith(".toml") ? name.substring(0, name.length() - ".toml".length()) : name;
            name = name.replaceAll("[^A-Za-z0-9_.-]", "-"); // a resource name, also a status key segment
            try {
                resources.add(reader.read(name, file, warnings::add));
            } catch (ConfdException e) {
                problems.add(e.getMessage());
            }
        }
        return new Loaded(resources, problems, warnings);
    }

    /** The template resource files, in lexical order of their paths. */
    public List<Path> tomlFiles() {
        Path dir = confD();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith("toml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new ConfdException("cannot list " + dir + " (" + e.getMessage() + ")", e);
        }
    }
}
