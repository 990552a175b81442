package org.confdsl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.confdsl.store.MutableKeyValueStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code confdsl keys put KEY VALUE}: sets a key and prints the store's new revision. */
@Command(name = "put", mixinStandardHelpOptions = true,
        description = "Sets KEY to VALUE and prints the store's new revision ('revision R'). A VALUE that starts "
                + "with '-' goes after '--': confdsl keys put /k -- -1")
final class KeysPutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KeysOptions options;

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE")
    String value;

    @Override
    public Integer call() {
        String k = KeysOptions.absoluteKey(key);
        long revision;
        try (MutableKeyValueStore store = options.open()) {
            revision = store.put(k, value);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(options.json() ? Json.object(KeysOutput.fields("revision", revision, "key", k)) : "revision " + revision);
        out.flush();
        return ExitCodes.OK;
    }
}
