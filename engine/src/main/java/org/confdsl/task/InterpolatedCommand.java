package org.confdsl.task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import groovy.lang.GString;
import org.confdsl.dsl.internal.DslProblem;
import org.confdsl.dsl.internal.QuotedWords;
import org.confdsl.model.CommandSpec;

/**
 * A task's {@code sh "..."} written as a GString: its text is command syntax, its values are
 * data. Groovy keeps the two apart ({@link GString#getStrings()} and {@link GString#getValues()}),
 * so only the text is split into words; each value stays inside one argument whatever it holds.
 * With {@code shell: true} the values reach {@code /bin/sh} through environment variables
 * ({@link ShellLine}), never as part of the line. What a person sees masks every value but the
 * task's own arguments.
 *
 * @param spec the command to run
 * @param env the environment variables the command needs in addition to confdsl's own
 * @param shown the same command with values masked, for step lines and messages
 */
record InterpolatedCommand(CommandSpec spec, Map<String, String> env, CommandSpec shown) {

    /** What stands for a value in what a person sees. */
    static final String MASK = "****";

    /**
     * @param command the command as the script wrote it
     * @param shell whether it runs with {@code /bin/sh -c}
     * @param visible values shown as they are (the task's own arguments: the person typed them)
     * @throws StepFailure for an unclosed quote or a shell operator without {@code shell: true}
     */
    static InterpolatedCommand of(GString command, boolean shell, Duration timeout, Set<String> visible) {
        String[] strings = command.getStrings();
        Object[] values = command.getValues();
        if (shell) {
            ShellLine line = new ShellLine();
            for (int i = 0; i < strings.length; i++) {
                line.text(strings[i]);
                if (i < values.length) {
                    String v = String.valueOf(values[i]);
                    line.value(v, visible.contains(v) ? v : MASK);
                }
            }
            return new InterpolatedCommand(new CommandSpec(List.of(line.line().strip()), true, timeout), line.env(),
                    new CommandSpec(List.of(line.shown().strip()), true, timeout));
        }
        QuotedWords words = new QuotedWords();
        for (int i = 0; i < strings.length; i++) {
            words.text(strings[i]);
            if (i < values.length) {
                String v = String.valueOf(values[i]);
                words.value(v, visible.contains(v) ? v : MASK);
            }
        }
        try {
            List<String> argv = words.words();
            if (argv.isEmpty() || argv.get(0).isBlank()) {
                throw new StepFailure("sh needs a command, e.g. sh \"docker restart $name\"");
            }
            return new InterpolatedCommand(new CommandSpec(argv, false, timeout), Map.of(), new CommandSpec(words.shown(), false, timeout));
        } catch (DslProblem e) {
            throw new StepFailure(e.getMessage());
        }
    }
}
