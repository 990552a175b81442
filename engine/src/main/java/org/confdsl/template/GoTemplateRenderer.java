package org.confdsl.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.confdsl.golang.GoPath;
import org.confdsl.gotemplate.GoTemplate;
import org.confdsl.gotemplate.GoTemplateException;
import org.confdsl.model.ResourceModel;
import org.confdsl.store.Snapshot;

/**
 * Renders a {@link org.confdsl.model.TemplateSyntax#GO Go} template as confd does: the keys are
 * those whose absolute key starts, as a plain string, with {@code prefix + key} for one of the
 * resource's keys, seen as {@code path.Join("/", strings.TrimPrefix(key, prefix))}; the template is
 * named by its file's base name and executed with nil data and {@link ConfdGoFunctions}, which
 * are bound to each render's keys, so the template is parsed at each render (as confd does; parsing
 * is cheap next to reading the store). The execution is bounded by the resource's
 * {@link org.confdsl.model.RenderLimits} as a Groovy render is ({@code BoundedRender}). Stateless and
 * thread-safe.
 */
final class GoTemplateRenderer {

    Rendered render(ResourceModel resource, Snapshot snapshot) {
        Path file = resource.template().toAbsolutePath().normalize();
        String text = read(file);
        KeyView view = new KeyView(confdView(resource, snapshot), "/");
        GoTemplate template;
        try {
            template = GoTemplate.parse(file.getFileName().toString(), text, ConfdGoFunctions.of(view));
        } catch (GoTemplateException e) {
            throw new GoRenderException(file, "Unable to process template " + file + ", " + e.getMessage(), e);
        }
        byte[] bytes = BoundedRender.run(file, resource.render(), out -> execute(template, file, out, resource.render().maxBytes()));
        java.util.SortedSet<String> read = new java.util.TreeSet<>();
        for (String k : view.keysRead()) {
            read.add(resource.absoluteKey(k));
        }
        return new Rendered(bytes, read, snapshot.revision());
    }

    private static void execute(GoTemplate template, Path file, java.io.Writer out, long maxBytes) {
        try {
            template.execute(null, out, maxBytes);
        } catch (GoTemplateException e) {
            throw new GoRenderException(file, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new GoRenderException(file, "template: " + file.getFileName() + ": " + e, e);
        }
    }

    /** Parses the template without executing it ({@code confdsl check}). */
    void compile(ResourceModel resource) {
        Path file = resource.template().toAbsolutePath().normalize();
        try {
            GoTemplate.parse(file.getFileName().toString(), read(file), ConfdGoFunctions.of(new KeyView(Snapshot.empty(), "/")));
        } catch (GoTemplateException e) {
            throw new GoRenderException(file, "Unable to process template " + file + ", " + e.getMessage(), e);
        }
    }

    /** confd's {@code setVars}: string-prefix selection, prefix cut as a string, {@code path.Join("/", rest)}. */
    static Snapshot confdView(ResourceModel resource, Snapshot snapshot) {
        TreeMap<String, String> visible = new TreeMap<>();
        String prefix = resource.prefix();
        for (Map.Entry<String, String> e : snapshot.entries().entrySet()) {
            String key = e.getKey();
            for (String wanted : resource.confdKeys()) {
                if (key.startsWith(wanted)) {
                    String rest = key.startsWith(prefix) ? key.substring(prefix.length()) : key;
                    visible.put(GoPath.clean("/" + rest), e.getValue());
                    break;
                }
            }
        }
        return new Snapshot(snapshot.revision(), visible);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GoRenderException(file, "Missing template: " + file, e);
        }
    }
}
