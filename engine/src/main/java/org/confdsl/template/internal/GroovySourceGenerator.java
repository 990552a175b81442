package org.confdsl.template.internal;

import java.util.List;

/**
 * Turns segments into the source of a Groovy script whose base class is {@link TemplateScript}.
 * Line N of the script is line N of the template: text is written with escaped {@code \n} and a
 * real newline after each, code keeps its own newlines, so compile errors and stack traces point
 * at template lines without any mapping table.
 */
public final class GroovySourceGenerator {

    /**
     * Writes are called on {@code this} explicitly: inside a closure (a loop body in the template)
     * an unqualified call is resolved through the closure's owner on every call, uncached, which
     * made a 10,000-line loop several times slower.
     */
    private static final String SELF = "this.";

    /** Groovy string constants are limited in size; long text is written in chunks. */
    private static final int CHUNK = 8192;

    private GroovySourceGenerator() {
    }

    /** The script source for {@code segments}. */
    public static String generate(List<Segment> segments) {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            switch (s.kind()) {
                case TEXT -> text(s.text(), out);
                case EXPRESSION -> out.append(SELF).append(TemplateScript.WRITE_VALUE).append("((").append(s.text()).append("));");
                case CODE -> out.append(s.text()).append(';');
                case COMMENT -> out.append(s.text());
            }
        }
        return out.toString();
    }

    private static void text(String text, StringBuilder out) {
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            for (int from = start; from < end; from += CHUNK) {
                out.append(SELF).append(TemplateScript.WRITE_TEXT).append("('");
                escape(text, from, Math.min(end, from + CHUNK), out);
                out.append("');");
            }
            if (nl >= 0) {
                out.append('\n');
            }
            start = end;
        }
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
