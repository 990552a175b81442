package org.confdsl.confd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.confdsl.confd.internal.GoToGroovy;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.ResourceModel;
import org.confdsl.store.KeyPrefix;

/**
 * Writes a confdsl script equivalent to a confd directory: one {@code resource} per template
 * resource, with its template translated to Groovy where the translation renders the same bytes
 * ({@link GoToGroovy}) and kept as confd's Go template ({@code syntax: 'go'}) where not, with the
 * reason in a comment. Reads the templates; writes nothing itself.
 */
public final class Converter {

    /**
     * One template of the converted setup.
     *
     * @param path where it goes, relative to the script
     * @param text its content
     * @param groovy whether it was translated to Groovy (else it is the Go template as it was)
     * @param note why the Go template was kept, empty when translated
     */
    public record Template(String path, String text, boolean groovy, String note) {
    }

    /**
     * The converted setup.
     *
     * @param script the DSL script's text
     * @param templates the templates it names
     * @param problems template resources that could not be read (left out of the script)
     */
    public record Conversion(String script, List<Template> templates, List<String> problems) {
        public Conversion {
            templates = List.copyOf(templates);
            problems = List.copyOf(problems);
        }
    }

    private Converter() {
    }

    /**
     * Converts {@code confdir}.
     *
     * @param storeLine the script's store line, e.g. {@code store etcd('http://127.0.0.1:2379')}
     * @throws ConfdException when the directory does not exist
     */
    public static Conversion convert(Path confdir, String storeLine) {
        ConfDir dir = new ConfDir(confdir);
        ConfDir.Loaded loaded = dir.load(Optional.empty());
        StringBuilder script = new StringBuilder();
        script.append("// Converted from ").append(dir.root()).append(" by confdsl convert.\n");
        script.append("// Each resource renders the bytes confd renders; Go templates kept as they were say why.\n");
        script.append(storeLine).append("\n");
        List<Template> templates = new ArrayList<>();
        List<String> problems = new ArrayList<>(loaded.problems());
        loaded.warnings().forEach(w -> script.append("// note: ").append(w.replace('\n', ' ')).append("\n"));
        for (ResourceModel r : loaded.resources()) {
            if (!Files.isRegularFile(r.template())) {
                problems.add("Missing template: " + r.template() + " (resource " + r.name() + " left out)");
                continue;
            }
            String text = read(r.template());
            GoToGroovy.Result translated = GoToGroovy.translate(text,
                    key -> r.keys().stream().anyMatch(k -> KeyPrefix.covers(k, key)));
            String relative = "templates/" + dir.templates().relativize(r.template()).toString().replace('\\', '/');
            templates.add(new Template(relative, translated.groovy().orElse(text), translated.groovy().isPresent(), translated.reason()));
            script.append("\nresource('").append(r.name().replaceAll("[^A-Za-z0-9_.-]", "-")).append("') {\n");
            if (!"/".equals(r.prefix())) {
                script.append("    prefix ").append(quote(r.prefix())).append("\n");
            }
            if (!r.keys().isEmpty()) {
                script.append("    keys ").append(String.join(", ", r.keys().stream().map(Converter::quote).toList())).append("\n");
            }
            if (translated.groovy().isPresent()) {
                script.append("    template ").append(quote(relative)).append("\n");
            } else {
                script.append("    // kept as confd's Go template: ").append(translated.reason()).append("\n");
                script.append("    template ").append(quote(relative)).append(", syntax: 'go'\n");
            }
            script.append("    dest ").append(quote(r.dest().toString())).append("\n");
            r.mode().ifPresent(m -> script.append("    mode '").append(String.format("%04o", m)).append("'\n"));
            r.owner().ifPresent(o -> script.append("    owner ").append(quote(o)).append("\n"));
            r.group().ifPresent(g -> script.append("    group ").append(quote(g)).append("\n"));
            r.check().ifPresent(c -> script.append("    check ").append(command(c)).append("\n"));
            r.reload().ifPresent(c -> script.append("    reload ").append(command(c)).append("\n"));
            script.append("}\n");
        }
        return new Conversion(script.toString(), templates, problems);
    }

    private static String command(CommandSpec c) {
        return quote(c.argv().get(0)) + ", shell: true";
    }

    /** A Groovy single-quoted string literal. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String read(Path template) {
        try {
            return Files.readString(template, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing template: " + template, e);
        }
    }
}
