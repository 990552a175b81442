package org.confdsl.template;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.confdsl.model.RenderLimits;
import org.confdsl.model.ResourceModel;
import org.confdsl.model.TemplateSyntax;
import org.confdsl.store.Snapshot;

/**
 * Renders a resource's template from a snapshot: a pure function of (template file, resource
 * prefix, snapshot). The template sees the snapshot through a {@link KeyView} with the resource
 * prefix stripped, as confd does, and calls the functions of {@link TemplateFunctions}. A resource
 * whose syntax is {@link TemplateSyntax#GO} is rendered as confd renders it (Go text/template,
 * confd's functions and key rules; see {@link GoRenderException} for its messages).
 *
 * <p>Compiled templates are cached by absolute path and SHA-256 of the content, so repeated renders
 * do not recompile and an edited file is recompiled on its next use. Thread-safe: one renderer can
 * serve every resource and thread.
 *
 * <p>Each render, Groovy or Go, is bounded by the resource's {@link RenderLimits} through one
 * wrapper ({@code BoundedRender}): it runs on a worker thread ({@link org.confdsl.groovy.TimeLimit})
 * and is stopped when its time passes, and its output may not grow past the size limit; either is a
 * {@link TemplateException} for that resource alone.
 */
public final class TemplateRenderer {

    private record Cached(byte[] sha256, ConfTemplate template, Optional<FileStamp> stamp) {
    }

    private final ConfTemplateEngine engine = new ConfTemplateEngine();
    private final GoTemplateRenderer go = new GoTemplateRenderer();
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicInteger compilations = new AtomicInteger();

    /** Creates a renderer with an empty cache. */
    public TemplateRenderer() {
    }

    /**
     * Renders {@code resource.template()} with the keys of {@code snapshot} under
     * {@code resource.prefix()}.
     *
     * @return the output as UTF-8, the absolute keys and patterns the template asked for, and the
     *     snapshot's revision
     * @throws TemplateException naming the template file and line when the file cannot be read, does
     *     not compile, reads a missing key without a default, its code throws, or it passes a limit
     */
    public Rendered render(ResourceModel resource, Snapshot snapshot) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(snapshot, "snapshot");
        if (resource.syntax() == TemplateSyntax.GO) {
            return go.render(resource, snapshot);
        }
        ConfTemplate template = load(resource.template());
        ValueRules rules;
        try {
            rules = new ValueRules(resource.validate());
        } catch (TemplateFunctionException e) {
            throw new TemplateException(resource.template(), 0, e.getMessage(), e);
        }
        KeyView view = new KeyView(snapshot, resource.prefix(), rules);
        byte[] bytes = BoundedRender.run(resource.template(), resource.render(),
                out -> template.render(new TemplateFunctions(view), Map.of(), out));
        return new Rendered(bytes, view.keysRead(), snapshot.revision());
    }

    /**
     * Compiles {@code template} (and caches it) without rendering, for {@code confdsl check}.
     *
     * @throws TemplateException if it cannot be read or has a syntax error
     */
    public void compile(Path template) {
        load(template);
    }

    /**
     * Compiles {@code resource}'s template in its own syntax without rendering.
     *
     * @throws TemplateException if it cannot be read or has a syntax error
     */
    public void compile(ResourceModel resource) {
        if (resource.syntax() == TemplateSyntax.GO) {
            go.compile(resource);
        } else {
            load(resource.template());
        }
    }

    /** How many times a template was compiled; tests use it to see the cache work. */
    int compilations() {
        return compilations.get();
    }

    private ConfTemplate load(Path template) {
        Path file = template.toAbsolutePath().normalize();
        // A watch daemon renders on every change: one stat instead of a read and a SHA-256 of the
        // template when the file is provably unchanged (issue 12, CPU per change).
        Optional<FileStamp> stamp = FileStamp.of(file);
        Cached known = cache.get(file);
        if (known != null && stamp.isPresent() && known.stamp().equals(stamp)) {
            return known.template();
        }
        byte[] content = read(file);
        byte[] hash = sha256(content);
        Optional<FileStamp> trusted = stamp.filter(FileStamp::settled);
        Cached cached = cache.compute(file, (path, old) -> {
            if (old != null && Arrays.equals(old.sha256(), hash)) {
                return new Cached(hash, old.template(), trusted);
            }
            ConfTemplate compiled = engine.compile(path, decode(path, content));
            compilations.incrementAndGet();
            return new Cached(hash, compiled, trusted);
        });
        return cached.template();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TemplateException(file, 0, "template file not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new TemplateException(file, 0, "template file cannot be read (permission denied): " + file, e);
        } catch (IOException e) {
            throw new TemplateException(file, 0, "template file cannot be read (" + e + ")", e);
        }
    }

    private static String decode(Path file, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TemplateException(file, 0, "template is not valid UTF-8", e);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
