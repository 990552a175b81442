package org.confdsl.sync;

import java.nio.file.Path;
import java.util.Map;
import org.confdsl.model.CommandSpec;

/** The check step: runs the check command against a candidate file. */
final class Checker {

    private final CommandRunner runner;

    Checker(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * Runs {@code check} with {@code {{.src}}}/{@code ${src}} = {@code src} (the stage file, or
     * the destination for a check in place) and {@code {{.dest}}}/{@code ${dest}} = {@code dest}.
     */
    StepOutcome check(CommandSpec check, Path src, Path dest) {
        CommandResult result = runner.run(check, Map.of("src", src.toString(), "dest", dest.toString()));
        return StepOutcome.of("check", check, result);
    }
}
