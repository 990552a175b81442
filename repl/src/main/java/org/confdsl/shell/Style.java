package org.confdsl.shell;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The shell's colors, in one place, and switched off entirely when the terminal is dumb or
 * {@code NO_COLOR} is set: then every method returns its text unchanged.
 */
final class Style {

    static final AttributedStyle ADDED = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle REMOVED = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    static final AttributedStyle HUNK = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle HEADER = AttributedStyle.BOLD;
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    static final AttributedStyle COMMAND = AttributedStyle.BOLD;
    static final AttributedStyle UNKNOWN = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    static final AttributedStyle OPTION = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle EXPRESSION = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);

    private final boolean enabled;

    Style(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /** {@code text} in {@code style}, as ANSI codes when colors are on. */
    String paint(AttributedStyle style, String text) {
        return enabled ? new AttributedString(text, style).toAnsi() : text;
    }

    /** One line of a unified diff, colored by its first character as git does. */
    String diffLine(String line) {
        if (line.startsWith("+++") || line.startsWith("---")) {
            return paint(HEADER, line);
        }
        if (line.startsWith("@@")) {
            return paint(HUNK, line);
        }
        if (line.startsWith("+")) {
            return paint(ADDED, line);
        }
        if (line.startsWith("-")) {
            return paint(REMOVED, line);
        }
        return line;
    }
}
