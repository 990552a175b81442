package org.confdsl.dsl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a command line into words the way a shell would for quoting only: single quotes,
 * double quotes and backslashes group and escape; nothing is expanded. Used so that
 * {@code check 'nginx -t -c "/etc/my nginx.conf"'} runs without a shell.
 */
public final class CommandWords {

    /** Words that only mean something to a shell; without {@code shell: true} they would be passed literally. */
    private static final Set<String> SHELL_OPERATORS = Set.of("&&", "||", "|", ";", ">", ">>", "<", "&", "2>&1");

    private CommandWords() {
    }

    /**
     * The words of {@code line}.
     *
     * @throws DslProblem for an unclosed quote or a shell operator
     */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        // Only a bare word can be a shell operator: a quoted or escaped '|' is a literal argument.
        List<String> bare = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
                quoted = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
                quoted = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    if (!quoted) {
                        bare.add(word.toString());
                    }
                    word.setLength(0);
                    inWord = false;
                    quoted = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new DslProblem("command '" + line + "' has an unclosed " + quote + " quote");
        }
        if (inWord) {
            words.add(word.toString());
            if (!quoted) {
                bare.add(word.toString());
            }
        }
        for (String w : bare) {
            if (SHELL_OPERATORS.contains(w)) {
                throw new DslProblem("command '" + line + "' uses '" + w
                        + "', which only a shell understands; add shell: true, e.g. check '...', shell: true");
            }
        }
        return words;
    }
}
