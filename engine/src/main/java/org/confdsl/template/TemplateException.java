package org.confdsl.template;

import java.nio.file.Path;

/**
 * A template cannot be compiled or rendered. The message reads
 * {@code (template.tmpl, line N) what is wrong}; {@link #line()} is 0 when no line is known.
 */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path template;
    private final int line;

    public TemplateException(Path template, int line, String problem, Throwable cause) {
        super(format(template, line, problem), cause);
        this.template = template;
        this.line = line;
    }

    public TemplateException(Path template, int line, String problem) {
        this(template, line, problem, null);
    }

    private static String format(Path template, int line, String problem) {
        String where = template.getFileName().toString() + (line > 0 ? ", line " + line : "");
        return "(" + where + ") " + problem;
    }

    public Path template() {
        return template;
    }

    public int line() {
        return line;
    }
}
