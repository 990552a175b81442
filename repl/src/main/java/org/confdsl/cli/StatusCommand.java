package org.confdsl.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.confdsl.run.Fleet;
import org.confdsl.run.StatusEntry;
import org.confdsl.store.MutableKeyValueStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code confdsl status}: the live watch daemons and what each has applied, from their entries in the store. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Lists the live watch daemons (confdsl run --watch) and, per resource, the revision each has applied",
            "and the outcome of its last pass, from " + StatusEntry.PREFIX + "/HOST/RESOURCE in the store.",
            "A daemon's entries vanish a few seconds after it stops; STATE is stale when its heartbeat stopped",
            "(three beats missed) while the entry is still there. 'confdsl hosts' also lists registered hosts that do not report."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KeysOptions options;

    @Override
    public Integer call() {
        List<StatusEntry> entries;
        java.time.Instant now = java.time.Instant.now();
        try (MutableKeyValueStore store = options.open()) {
            entries = Fleet.read(store).allEntries();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            out.println("{\"daemons\":[" + entries.stream().map(e -> json(e, now)).collect(Collectors.joining(",")) + "]}");
        } else if (entries.isEmpty()) {
            out.println("no daemon publishes its status under " + StatusEntry.PREFIX);
        } else {
            int host = Math.max(4, entries.stream().mapToInt(e -> e.host().length()).max().orElse(4));
            int resource = Math.max(8, entries.stream().mapToInt(e -> e.resource().length()).max().orElse(8));
            int at = entries.stream().mapToInt(e -> e.at().toString().length()).max().orElse(2);
            String format = "%-" + host + "s  %-" + resource + "s  %7s  %-13s  %8s  %-5s  %-" + at + "s  %s%n";
            out.printf(format, "HOST", "RESOURCE", "APPLIED", "LAST OUTCOME", "REVISION", "STATE", "AT", "MESSAGE");
            for (StatusEntry e : entries) {
                out.printf(format, e.host(), e.resource(), e.applied(), e.outcome(), e.revision(), e.staleAt(now) ? "stale" : "live",
                        e.at(), e.message().isEmpty() || !e.outcome().isFailure() ? "-" : e.message());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String json(StatusEntry e, java.time.Instant now) {
        return Json.object(KeysOutput.fields("host", e.host(), "resource", e.resource(), "applied", e.applied(),
                "outcome", e.outcome().name(), "revision", e.revision(), "at", e.at().toString(), "message", e.message(),
                "lastBeat", e.beat().toString(), "state", e.staleAt(now) ? "stale" : "live", "user", e.user()));
    }
}
