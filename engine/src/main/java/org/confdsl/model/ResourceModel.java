package org.confdsl.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One rendered file: where its keys live, which template renders it, where it goes and how it
 * is checked and reloaded. Built by the DSL, validated there; immutable.
 *
 * @param name the resource name, unique in a script
 * @param prefix the key prefix, {@code "/"} for none; never ends with {@code /} unless it is {@code "/"}
 * @param keys the watched keys, relative to the prefix, each starting with {@code /}
 * @param template the template file (absolute)
 * @param dest the destination file (absolute)
 * @param mode the destination's permission bits, or empty to keep the existing file's (0644 for a new file)
 * @param owner the owner's name or numeric id, or empty to keep the existing file's
 * @param group the group's name or numeric id, or empty to keep the existing file's
 * @param check the check command, if any
 * @param checkInPlace whether the check validates the installed file (swap, check, restore on failure)
 * @param reload the reload command, if any
 * @param mkdirs whether missing parent directories of {@code dest} are created
 * @param debounce how long a burst of changes may delay a render in watch mode
 * @param line the script line that declared the resource, for messages
 * @param render how long a render may run and how large it may grow
 * @param validate what values the template may read ({@code validate '/upstream/*', ~/regex/}); empty for no rule
 * @param syntax the template's language; {@link TemplateSyntax#GO} also selects keys by confd's rules
 */
public record ResourceModel(
        String name,
        String prefix,
        List<String> keys,
        Path template,
        Path dest,
        OptionalInt mode,
        Optional<String> owner,
        Optional<String> group,
        Optional<CommandSpec> check,
        boolean checkInPlace,
        Optional<CommandSpec> reload,
        boolean mkdirs,
        Debounce debounce,
        int line,
        RenderLimits render,
        List<ValueRule> validate,
        TemplateSyntax syntax) {

    public ResourceModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        keys = List.copyOf(keys);
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(dest, "dest");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(reload, "reload");
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(render, "render");
        validate = List.copyOf(validate);
        Objects.requireNonNull(syntax, "syntax");
    }

    /** A resource with a Groovy template (the DSL's default), the default {@link RenderLimits} and no {@code validate} rules. */
    public ResourceModel(String name, String prefix, List<String> keys, Path template, Path dest, OptionalInt mode,
            Optional<String> owner, Optional<String> group, Optional<CommandSpec> check, boolean checkInPlace,
            Optional<CommandSpec> reload, boolean mkdirs, Debounce debounce, int line) {
        this(name, prefix, keys, template, dest, mode, owner, group, check, checkInPlace, reload, mkdirs, debounce, line,
                RenderLimits.DEFAULT, List.of(), TemplateSyntax.GROOVY);
    }

    /** The same resource with another template syntax. */
    public ResourceModel withSyntax(TemplateSyntax other) {
        return new ResourceModel(name, prefix, keys, template, dest, mode, owner, group, check, checkInPlace, reload,
                mkdirs, debounce, line, render, validate, other);
    }

    /**
     * The absolute key prefixes (key-boundary aware, as the stores read them) this resource reads:
     * {@code prefix + key} for each key. A {@link TemplateSyntax#GO} resource selects by plain string
     * prefix as confd does ({@code /app} also loads {@code /apple}), so it reads the directory that
     * holds each {@code prefix + key} and its template sees only what confd's would.
     */
    public List<String> watchedPrefixes() {
        if (syntax == TemplateSyntax.GO) {
            return confdKeys().stream().map(ResourceModel::parentOf).distinct().toList();
        }
        return keys.stream().map(this::absoluteKey).distinct().toList();
    }

    /** confd's selection: {@code path.Join(prefix, key)} for each key, matched as plain string prefixes. */
    public List<String> confdKeys() {
        return keys.stream().map(k -> "/".equals(prefix) ? k : ("/".equals(k) ? prefix : prefix + k)).distinct().toList();
    }

    private static String parentOf(String key) {
        int slash = key.lastIndexOf('/');
        return slash <= 0 ? "/" : key.substring(0, slash);
    }

    /** {@code key} (relative to the prefix) as an absolute key in the store. */
    public String absoluteKey(String key) {
        if ("/".equals(prefix)) {
            return key;
        }
        return "/".equals(key) ? prefix : prefix + key;
    }
}
