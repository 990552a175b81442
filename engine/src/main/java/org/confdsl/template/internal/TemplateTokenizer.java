package org.confdsl.template.internal;

import java.util.ArrayList;
import java.util.List;
import org.confdsl.template.internal.Segment.Kind;

/**
 * Splits a template into segments. Only {@code ${...}}, {@code <%= ... %>}, {@code <% ... %>} and
 * {@code <%-- ... --%>} are special; everything else, including nginx's {@code $host} and {@code $1}
 * and every backslash, is literal text. (To write a literal {@code ${}, write {@code ${'$'}{}.)
 */
public final class TemplateTokenizer {

    private TemplateTokenizer() {
    }

    /**
     * The segments of {@code template}, in order.
     *
     * @throws TemplateSyntaxException if a construct is never closed or an expression is empty
     */
    public static List<Segment> tokenize(String template) {
        Lines lines = new Lines(template);
        CodeScanner scanner = new CodeScanner(template, lines);
        List<Segment> out = new ArrayList<>();
        int textStart = 0;
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            boolean expression = c == '$' && i + 1 < n && template.charAt(i + 1) == '{';
            boolean scriptlet = c == '<' && i + 1 < n && template.charAt(i + 1) == '%';
            if (!expression && !scriptlet) {
                i++;
                continue;
            }
            if (i > textStart) {
                out.add(new Segment(Kind.TEXT, template.substring(textStart, i), lines.lineOf(textStart)));
            }
            int line = lines.lineOf(i);
            if (expression) {
                CodeScanner.Scanned s = scanner.braced(i + 2, i);
                out.add(expression(s.code(), line, "${}"));
                i = s.next();
            } else if (template.startsWith("<%--", i)) {
                int end = template.indexOf("--%>", i + 4);
                if (end < 0) {
                    throw new TemplateSyntaxException(line, "comment '<%--' is never closed (missing '--%>')");
                }
                out.add(new Segment(Kind.COMMENT, newlines(template.substring(i, end)), line));
                i = end + 4;
            } else if (template.startsWith("<%=", i)) {
                CodeScanner.Scanned s = scanner.scriptlet(i + 3, i);
                out.add(expression(s.code(), line, "<%= %>"));
                i = s.next();
            } else {
                CodeScanner.Scanned s = scanner.scriptlet(i + 2, i);
                out.add(new Segment(Kind.CODE, s.code(), line));
                i = s.next();
            }
            textStart = i;
        }
        if (textStart < n) {
            out.add(new Segment(Kind.TEXT, template.substring(textStart), lines.lineOf(textStart)));
        }
        return out;
    }

    private static Segment expression(String code, int line, String what) {
        if (code.isBlank()) {
            throw new TemplateSyntaxException(line, "empty expression " + what);
        }
        return new Segment(Kind.EXPRESSION, code, line);
    }

    private static String newlines(String s) {
        return "\n".repeat((int) s.chars().filter(ch -> ch == '\n').count());
    }
}
