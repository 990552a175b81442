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

/** {@code confdsl keys ls [PREFIX]}: the keys under a prefix with their values, sorted by key. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "Lists the keys under PREFIX (default /) with their values, sorted by key, one 'key = value' "
                + "line each. /app lists /app and /app/..., never /apple. In text, backslashes and control characters "
                + "in values are escaped (\\n, \\t, \\\\); --format json gives exact values; --format tree draws the keys as a "
                + "tree with a key count for each directory.")
final class KeysLsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KeysOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PREFIX", defaultValue = "/", description = "Default: /.")
    String prefix;

    @Override
    public Integer call() {
        String p = KeysOptions.absoluteKey(prefix);
        Snapshot snapshot;
        try (MutableKeyValueStore store = options.open()) {
            snapshot = store.snapshot(List.of(p));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            out.println(Json.object(KeysOutput.fields("revision", snapshot.revision(), "keys", snapshot.entries())));
        } else if (options.format == KeysOptions.Format.TREE) {
            out.print(KeyTree.of(p, snapshot.entries()));
        } else {
            snapshot.entries().forEach((k, v) -> out.println(k + " = " + KeysOutput.escapeText(v)));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
