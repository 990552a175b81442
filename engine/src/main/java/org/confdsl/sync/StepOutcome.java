package org.confdsl.sync;

import org.confdsl.model.CommandSpec;

/**
 * How a command step (check or reload) ended.
 *
 * @param ok whether the command succeeded
 * @param message one line, e.g. {@code check 'nginx -t' exited 1}
 * @param output the command's output, bounded
 */
record StepOutcome(boolean ok, String message, String output) {

    static StepOutcome of(String role, CommandSpec spec, CommandResult result) {
        return new StepOutcome(result.succeeded(), result.describe(role, spec), result.output());
    }
}
