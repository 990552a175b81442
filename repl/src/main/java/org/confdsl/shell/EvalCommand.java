package org.confdsl.shell;

import java.util.List;
import java.util.concurrent.Callable;

import org.confdsl.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eval EXPR} or {@code = EXPR}: a Groovy expression over the live store. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates a Groovy expression with the template functions bound to the store as it is now; keys "
                + "are absolute (prefix /). '= EXPR' is the same.",
            "Example: = getvs('/app/upstream/*')"})
final class EvalCommand implements Callable<Integer> {

    private final Workspace workspace;
    private final GroovyEvaluator evaluator = new GroovyEvaluator();

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "EXPR")
    List<String> expression;

    EvalCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(evaluator.evaluate(String.join(" ", expression), workspace.store()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
