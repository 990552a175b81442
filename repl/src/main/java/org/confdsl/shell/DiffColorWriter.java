package org.confdsl.shell;

import java.io.Writer;

/**
 * A writer that colors each complete line of a unified diff before passing it on, so that the
 * command line's {@code render --diff} code prints colored diffs in the shell unchanged.
 */
final class DiffColorWriter extends Writer {

    private final Writer out;
    private final Style style;
    private final StringBuilder line = new StringBuilder();

    DiffColorWriter(Writer out, Style style) {
        this.out = out;
        this.style = style;
    }

    @Override
    public synchronized void write(char[] chars, int off, int len) throws java.io.IOException {
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            if (c == '\n') {
                out.write(style.diffLine(line.toString()));
                out.write('\n');
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }

    @Override
    public synchronized void flush() throws java.io.IOException {
        // A partial line waits for its end: coloring needs the whole line.
        out.flush();
    }

    @Override
    public synchronized void close() throws java.io.IOException {
        if (line.length() > 0) {
            out.write(style.diffLine(line.toString()));
            line.setLength(0);
        }
        out.flush();
    }
}
