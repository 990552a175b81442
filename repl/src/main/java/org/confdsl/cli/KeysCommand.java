package org.confdsl.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code confdsl keys ls|get|put|rm}: reads and writes keys of a script's store, of etcd, or of a key file. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Reads and writes keys in the store of a script (-s SCRIPT), of etcd (--endpoints URL) "
                + "or of a key file (--file keys.yaml). Keys are absolute: they start with '/'.",
        subcommands = {KeysLsCommand.class, KeysGetCommand.class, KeysPutCommand.class, KeysRmCommand.class})
final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("confdsl keys: name a subcommand: ls, get, put or rm");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
