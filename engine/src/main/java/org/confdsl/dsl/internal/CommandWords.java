package org.confdsl.dsl.internal;

import java.util.List;

/**
 * Splits a command line into words the way a shell would for quoting only: single quotes,
 * double quotes and backslashes group and escape; nothing is expanded. Used so that
 * {@code check 'nginx -t -c "/etc/my nginx.conf"'} runs without a shell.
 */
public final class CommandWords {

    private CommandWords() {
    }

    /**
     * The words of {@code line}.
     *
     * @throws DslProblem for an unclosed quote or a shell operator
     */
    public static List<String> split(String line) {
        return new QuotedWords().text(line).words();
    }
}
