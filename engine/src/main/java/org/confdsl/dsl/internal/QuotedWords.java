package org.confdsl.dsl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a command into words the way a shell would for quoting only (single quotes, double
 * quotes and backslashes group and escape; nothing is expanded), fed piece by piece: text, whose
 * quotes and spaces count, and values, which are data and join the current word as they are,
 * whatever spaces or quotes they hold. So {@code "echo ${v}"} is two words for any {@code v}.
 * Each word is also kept with its values replaced by a mask, for the line a person sees.
 */
public final class QuotedWords {

    /** Words that only mean something to a shell; without {@code shell: true} they would be passed literally. */
    private static final Set<String> SHELL_OPERATORS = Set.of("&&", "||", "|", ";", ">", ">>", "<", "&", "2>&1");

    private final List<String> words = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private final StringBuilder shownWord = new StringBuilder();
    private final StringBuilder source = new StringBuilder();
    private boolean inWord;
    private boolean hasValue;
    private boolean quoted;
    private char quote;
    private boolean escaped;

    /** Adds command text: its quotes, backslashes and spaces are syntax. */
    public QuotedWords text(String text) {
        source.append(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                append(c);
                escaped = false;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    escaped = true;
                } else {
                    append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
                quoted = true;
            } else if (c == '\\') {
                escaped = true;
                inWord = true;
                quoted = true;
            } else if (Character.isWhitespace(c)) {
                endWord();
            } else {
                append(c);
            }
        }
        return this;
    }

    /** Adds a value: it becomes part of the current word exactly as it is; {@code mask} stands for it in {@link #shown()}. */
    public QuotedWords value(String value, String mask) {
        source.append(mask);
        escaped = false;
        word.append(value);
        shownWord.append(mask);
        inWord = true;
        hasValue = true;
        return this;
    }

    /**
     * The words.
     *
     * @throws DslProblem for an unclosed quote, or a shell operator written in the text
     */
    public List<String> words() {
        finish();
        return List.copyOf(words);
    }

    /** The words with every value replaced by its mask. */
    public List<String> shown() {
        finish();
        return List.copyOf(shown);
    }

    private void finish() {
        if (quote != 0) {
            throw new DslProblem("command '" + source + "' has an unclosed " + quote + " quote");
        }
        if (escaped) {
            append('\\');
            escaped = false;
        }
        endWord();
    }

    private void append(char c) {
        word.append(c);
        shownWord.append(c);
        inWord = true;
    }

    private void endWord() {
        if (!inWord) {
            return;
        }
        String w = word.toString();
        // Only a bare word of the text is an operator: a quoted or escaped '|' is a literal argument.
        if (!hasValue && !quoted && SHELL_OPERATORS.contains(w)) {
            throw new DslProblem("command '" + source + "' uses '" + w
                    + "', which only a shell understands; add shell: true, e.g. check '...', shell: true");
        }
        words.add(w);
        shown.add(shownWord.toString());
        word.setLength(0);
        shownWord.setLength(0);
        inWord = false;
        hasValue = false;
        quoted = false;
    }
}
