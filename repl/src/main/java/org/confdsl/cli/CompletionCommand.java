package org.confdsl.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code confdsl completion bash|zsh}: prints a completion script for the whole command tree,
 * made by picocli's {@link AutoComplete} from the same model that parses the command line. The
 * package installs its output; by hand: {@code source <(confdsl completion bash)}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a shell completion script for confdsl.",
            "bash: source <(confdsl completion bash)   zsh: source <(confdsl completion zsh)"})
final class CompletionCommand implements Callable<Integer> {

    /** The shells a script is printed for. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        // the whole tree: the one running this command may hold only this command (CommandTree)
        CommandLine root = CommandTree.whole();
        String script = AutoComplete.bash(root.getCommandName(), root);
        if (shell == Shell.zsh) {
            // picocli's script is written for bash; zsh runs it through its bash completion layer.
            script = "#compdef confdsl\nautoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
