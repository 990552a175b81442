package org.confdsl.confd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.confdsl.confd.internal.TomlFields;
import org.confdsl.golang.GoPath;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.Debounce;
import org.confdsl.model.RenderLimits;
import org.confdsl.model.ResourceModel;
import org.confdsl.model.TemplateSyntax;

/**
 * Reads one confd template resource ({@code conf.d/NAME.toml}, a {@code [template]} table) into a
 * {@link ResourceModel} with a {@link TemplateSyntax#GO Go} template, as confd's
 * {@code NewTemplateResource} does: {@code src} under the templates directory, {@code dest},
 * {@code keys} joined to {@code prefix} (the command line's {@code -prefix} replaces the file's),
 * {@code mode} parsed as Go's {@code strconv.ParseUint(mode, 0, 32)} ({@code "0644"} is octal),
 * {@code uid}/{@code gid}, {@code check_cmd} and {@code reload_cmd} run through {@code /bin/sh -c}.
 * Keys confd does not know (such as {@code owner}) are ignored, as confd ignores them.
 */
public final class TemplateResourceReader {

    private final Path templateDir;
    private final Optional<String> prefixOverride;

    /**
     * @param templateDir where {@code src} files live ({@code CONFDIR/templates})
     * @param prefixOverride the {@code -prefix} flag or {@code confd.toml}'s prefix, which replaces every resource's own
     */
    public TemplateResourceReader(Path templateDir, Optional<String> prefixOverride) {
        this.templateDir = templateDir;
        this.prefixOverride = prefixOverride.filter(p -> !p.isEmpty());
    }

    /**
     * Reads {@code file} as the resource {@code name}.
     *
     * @throws ConfdException naming the file: a TOML syntax error, a value of the wrong type, no
     *     {@code [template]} table, an empty {@code src} or {@code dest}, a mode that is not a number
     */
    public ResourceModel read(String name, Path file) {
        return read(name, file, warning -> { });
    }

    /**
     * Like {@link #read(String, Path)}; a file whose keys are at the top level (no {@code [template]}
     * line, as many hand-written setups have it) is read as if the line were there, and
     * {@code warnings} is told that confd itself refuses such a file ({@code empty src template}).
     */
    public ResourceModel read(String name, Path file, java.util.function.Consumer<String> warnings) {
        TomlFields root = TomlFields.parse(file);
        Optional<TomlFields> table = root.table("template");
        if (table.isEmpty() && root.string("src").isPresent()) {
            warnings.accept(file + ": the keys are at the top level, without a [template] line; confdsl reads them "
                    + "as the [template] table, but confd itself stops with 'empty src template' on this file: "
                    + "add the line [template] at the top to keep it working with both");
            table = Optional.of(root);
        }
        TomlFields t = table.orElseThrow(() -> new ConfdException("Cannot process template resource "
                + file + " - empty src template: the file has no [template] table with src = \"NAME.tmpl\""));
        String src = t.string("src").orElse("");
        if (src.isEmpty()) {
            throw new ConfdException("Cannot process template resource " + file + " - empty src template: add src = \"NAME.tmpl\" (a file under " + templateDir + ")");
        }
        String dest = t.string("dest").orElse("");
        if (dest.isEmpty()) {
            throw new ConfdException("Cannot process template resource " + file + " - empty dest: add dest = \"/path/of/the/file\"");
        }
        String prefix = prefixOverride.or(() -> t.string("prefix")).orElse("");
        prefix = GoPath.clean(prefix.startsWith("/") ? prefix : "/" + prefix);
        List<String> keys = new ArrayList<>();
        for (String key : t.strings("keys").orElse(List.of())) {
            keys.add(relative(file, prefix, key));
        }
        return new ResourceModel(
                name,
                prefix,
                keys,
                templateDir.resolve(src.startsWith("/") ? src.substring(1) : src).normalize(),
                Path.of(dest).toAbsolutePath().normalize(),
                mode(file, t.string("mode").orElse("")),
                t.integer("uid").filter(id -> id >= 0).map(String::valueOf),
                t.integer("gid").filter(id -> id >= 0).map(String::valueOf),
                t.string("check_cmd").filter(c -> !c.isEmpty()).map(TemplateResourceReader::shell),
                false,
                t.string("reload_cmd").filter(c -> !c.isEmpty()).map(TemplateResourceReader::shell),
                false,
                Debounce.DEFAULT,
                0,
                RenderLimits.DEFAULT,
                List.of(),
                TemplateSyntax.GO);
    }

    /** {@code path.Join(prefix, key)} as a key relative to {@code prefix}. */
    private static String relative(Path file, String prefix, String key) {
        String joined = GoPath.clean(prefix + "/" + key);
        if ("/".equals(prefix)) {
            return joined;
        }
        if (joined.equals(prefix)) {
            return "/";
        }
        if (!joined.startsWith(prefix + "/")) {
            throw new ConfdException(file + ": key '" + key + "' leaves the prefix " + prefix + "; write keys below it");
        }
        return joined.substring(prefix.length());
    }

    private static CommandSpec shell(String line) {
        return new CommandSpec(List.of(line), true, CommandSpec.DEFAULT_TIMEOUT);
    }

    /** Go's {@code strconv.ParseUint(mode, 0, 32)}: {@code 0644} octal, {@code 0x1a4} hex, {@code 420} decimal. */
    static OptionalInt mode(Path file, String mode) {
        if (mode.isEmpty()) {
            return OptionalInt.empty();
        }
        String digits = mode.replace("_", "");
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0o") || digits.startsWith("0O")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        try {
            long value = Long.parseLong(digits, radix);
            if (value < 0 || value > 07777) {
                throw new NumberFormatException();
            }
            return OptionalInt.of((int) value);
        } catch (NumberFormatException e) {
            throw new ConfdException("Cannot process template resource " + file + " - strconv.ParseUint: parsing \""
                    + mode + "\": invalid syntax; write the mode in octal with a leading zero, e.g. mode = \"0644\"");
        }
    }
}
