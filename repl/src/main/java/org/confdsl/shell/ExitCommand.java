package org.confdsl.shell;

import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code exit [CODE]}: leaves the shell. */
@Command(name = "exit", aliases = "quit", mixinStandardHelpOptions = true,
        description = "Leaves the shell (Ctrl-D too). Without CODE the shell's code is 0 when interactive, else the code "
                + "of the last command that failed.")
final class ExitCommand implements Callable<Integer> {

    private final IntConsumer onExit;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CODE", defaultValue = "-1", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int code;

    ExitCommand(IntConsumer onExit) {
        this.onExit = onExit;
    }

    @Override
    public Integer call() {
        onExit.accept(code);
        return 0;
    }
}
