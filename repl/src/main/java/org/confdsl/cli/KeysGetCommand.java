package org.confdsl.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code confdsl keys get KEY}: one key's value, exactly as stored. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Prints the value of KEY exactly as stored, then a newline. A missing key is reported on "
                + "standard error, exit code 7.")
final class KeysGetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KeysOptions options;

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Override
    public Integer call() {
        String k = KeysOptions.absoluteKey(key);
        Snapshot snapshot;
        String where;
        try (MutableKeyValueStore store = options.open()) {
            snapshot = store.snapshot(List.of(k));
            where = store.describe();
        }
        String value = snapshot.entries().get(k);
        if (value == null) {
            long below = snapshot.entries().size();
            spec.commandLine().getErr().println("confdsl: key " + k + " not found in " + where
                    + (below > 0 ? " (" + KeysOutput.keys((int) below) + " below it: try 'confdsl keys ls " + k + "')" : ""));
            return ExitCodes.KEY_NOT_FOUND;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            out.println(Json.object(KeysOutput.fields("revision", snapshot.revision(), "key", k, "value", value)));
        } else {
            out.println(value);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
