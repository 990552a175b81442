package org.confdsl.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a template declared as Groovy reads like a Go template: it has {@code {{ ... }}}
 * actions and no Groovy at all ({@code ${}}, {@code <% %>}), so it would be written out literally
 * ({@code {{getv "/subdomain"}}} in an nginx config).
 */
final class GoLookingTemplate {

    private static final Logger LOG = LoggerFactory.getLogger(GoLookingTemplate.class);
    private static final Pattern GO_ACTION = Pattern.compile("\\{\\{-?\\s*(\\.|\\$|/\\*|[a-zA-Z]+\\b)[^}]*}}");

    private GoLookingTemplate() {
    }

    /** Whether {@code text} has Go actions and no Groovy template syntax. */
    static boolean looksLikeGo(String text) {
        return GO_ACTION.matcher(text).find() && !text.contains("${") && !text.contains("<%");
    }

    static void warnIfSo(Path template, String name, String where) {
        warning(template, name, where).ifPresent(w -> LOG.warn("{}", w));
    }

    /** The warning for {@code template}, if it reads like Go. */
    static java.util.Optional<String> warning(Path template, String name, String where) {
        String text;
        try {
            text = Files.readString(template);
        } catch (IOException | java.io.UncheckedIOException e) {
            return java.util.Optional.empty(); // the renderer reports an unreadable template
        }
        if (!looksLikeGo(text)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(where + ": template '" + name + "' (" + template + ") has Go template actions ({{...}}) and no Groovy,"
                + " so it would be written out literally; if it is a confd/Go template, write template '" + name + "', syntax: 'go'");
    }
}
