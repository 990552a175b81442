package org.confdsl.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code confdsl keys rm KEY [--prefix]}: removes a key, or a key and everything below it. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = "Removes KEY, or with --prefix KEY and every key below it (/app never removes /apple), in one "
                + "change, and prints 'removed N keys (revision R)'. A missing key removes nothing and is no error.")
final class KeysRmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KeysOptions options;

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Option(names = "--prefix", description = "Also remove every key below KEY.")
    boolean prefix;

    @Override
    public Integer call() {
        String k = KeysOptions.absoluteKey(key);
        int removed;
        long revision;
        try (MutableKeyValueStore store = options.open()) {
            // The stores report only a revision, so count what is there first; a concurrent writer
            // between the two calls could make the count differ from what went.
            Snapshot before = store.snapshot(List.of(k));
            removed = prefix ? before.entries().size() : (before.entries().containsKey(k) ? 1 : 0);
            if (prefix && removed > 0 && !options.confirm("remove " + KeysOutput.keys(removed) + " under " + k + "?")) {
                spec.commandLine().getOut().println("nothing removed");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
            if (removed == 0) {
                revision = before.revision();
            } else {
                revision = prefix ? store.deletePrefix(k) : store.delete(k);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(options.json() ? Json.object(KeysOutput.fields("revision", revision, "removed", removed))
                : "removed " + KeysOutput.keys(removed) + " (revision " + revision + ")");
        out.flush();
        return ExitCodes.OK;
    }
}
