package org.confdsl.template;

import java.io.Writer;
import java.nio.file.Path;

import org.confdsl.groovy.TimeLimit;
import org.confdsl.groovy.TimeLimitExceededException;
import org.confdsl.model.Durations;
import org.confdsl.model.RenderLimits;
import org.confdsl.model.Sizes;
import org.confdsl.template.internal.BoundedOutput;

/**
 * The one place where a render meets its {@link RenderLimits}, whatever its template language: the
 * body runs on a worker thread ({@link TimeLimit}) and is stopped when its time passes, and it writes
 * into a {@link BoundedOutput} that refuses to grow past the size limit. Either is a
 * {@link TemplateException} naming the template and the limit; the caller's resource alone fails.
 */
final class BoundedRender {

    /** A render that writes its text to {@code out}. */
    @FunctionalInterface
    interface Body {
        void render(Writer out) throws Exception;
    }

    private BoundedRender() {
    }

    /**
     * {@code body}'s output as UTF-8, made within {@code limits}.
     *
     * @throws TemplateException naming {@code template} when the body fails, takes longer than the
     *     time limit or writes more than the size limit; an interrupt of the caller is one too (with
     *     the interrupt kept)
     */
    static byte[] run(Path template, RenderLimits limits, Body body) {
        BoundedOutput out = new BoundedOutput(limits.maxBytes());
        try {
            TimeLimit.call(limits.timeout(), () -> {
                body.render(out);
                return null;
            });
        } catch (TimeLimitExceededException e) {
            int line = e.ending().filter(TemplateException.class::isInstance).map(t -> ((TemplateException) t).line()).orElse(0);
            throw new TemplateException(template, line, "render took longer than " + Durations.format(limits.timeout())
                    + (e.stopped() ? " (stopped)" : " (it did not stop and keeps running in the background)")
                    + "; look for a loop that never ends, or raise renderTimeout", e);
        } catch (TemplateException e) {
            throw out.exceeded() ? tooLarge(template, limits, e) : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemplateException(template, 0, "rendering was interrupted", e);
        } catch (RuntimeException e) {
            throw out.exceeded() ? tooLarge(template, limits, null) : e;
        } catch (Exception e) {
            throw new TemplateException(template, 0, "render failed: " + e, e);
        }
        if (out.exceeded()) {
            throw tooLarge(template, limits, null);
        }
        return out.toBytes();
    }

    private static TemplateException tooLarge(Path template, RenderLimits limits, TemplateException e) {
        return new TemplateException(template, e == null ? 0 : e.line(), "the render is larger than "
                + Sizes.format(limits.maxBytes()) + " (stopped); look for a loop that never ends, or raise renderMaxSize", e);
    }
}
