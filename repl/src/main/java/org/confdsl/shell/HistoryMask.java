package org.confdsl.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the shell's history keeps of a line: the line itself, except that a {@code put} keeps
 * its command and key and loses its value ({@code put /app/dbpass ****}): a value may be a
 * password, and a history file outlives the session.
 */
final class HistoryMask {

    static final String MASK = "****";

    /** {@code put}, its options, then the key (the first word starting with '/'), then the value. */
    private static final Pattern PUT = Pattern.compile("^(\\s*put(?:\\s+-\\S*(?:\\s+[^/\\s-]\\S*)?)*\\s+/\\S*)(\\s.*)?$", Pattern.DOTALL);
    private static final Pattern BARE_PUT = Pattern.compile("^(\\s*put)(\\s.*)?$", Pattern.DOTALL);

    private HistoryMask() {
    }

    /** The line as the history keeps it. */
    static String of(String line) {
        Matcher put = PUT.matcher(line);
        if (put.matches()) {
            return put.group(2) == null || put.group(2).isBlank() ? line : put.group(1) + " " + MASK;
        }
        Matcher bare = BARE_PUT.matcher(line);
        if (bare.matches() && bare.group(2) != null && !bare.group(2).isBlank()) {
            return bare.group(1) + " " + MASK;
        }
        return line;
    }
}
