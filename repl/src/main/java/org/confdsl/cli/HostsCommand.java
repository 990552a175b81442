package org.confdsl.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.confdsl.run.Fleet;
import org.confdsl.run.HostRecord;
import org.confdsl.run.HostRegistry;
import org.confdsl.run.StatusEntry;
import org.confdsl.store.MutableKeyValueStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code confdsl hosts}: the hosts that serve resources (registered by their daemons under
 * {@code /confdsl/hosts/HOST/registered}, kept when a daemon dies) and whether each reports now;
 * {@code confdsl hosts forget HOST} stops expecting one.
 */
@Command(name = "hosts", mixinStandardHelpOptions = true,
        description = {"Lists the hosts that serve resources and their state: live (status entries beating), stale (entries",
            "present but the heartbeat stopped) or silent (registered, no status: stopped, frozen or cut off from the store).",
            "A daemon registers its host under " + HostRecord.PREFIX + "/HOST when it starts; a registered host stays expected",
            "(a task's drain refuses to start while it is not live) until 'confdsl hosts forget HOST'."},
        subcommands = HostsCommand.Forget.class)
final class HostsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KeysOptions options;

    /** One row: a host, registered or only reporting. */
    record Row(String host, String state, String resources, String registered, String beat, String user) {
    }

    @Override
    public Integer call() {
        Fleet fleet;
        try (MutableKeyValueStore store = options.open()) {
            fleet = Fleet.read(store);
        }
        List<Row> rows = rows(fleet, Instant.now());
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            out.println("{\"hosts\":[" + rows.stream().map(r -> Json.object(KeysOutput.fields("host", r.host(), "state", r.state(),
                    "resources", r.resources(), "registered", r.registered(), "lastBeat", r.beat(), "user", r.user())))
                    .collect(Collectors.joining(",")) + "]}");
        } else if (rows.isEmpty()) {
            out.println("no host is registered under " + HostRecord.PREFIX + " and none reports under " + StatusEntry.PREFIX);
        } else {
            int host = Math.max(4, rows.stream().mapToInt(r -> r.host().length()).max().orElse(4));
            int res = Math.max(9, rows.stream().mapToInt(r -> r.resources().length()).max().orElse(9));
            String format = "%-" + host + "s  %-6s  %-" + res + "s  %-24s  %-9s  %s%n";
            out.printf(format, "HOST", "STATE", "RESOURCES", "REGISTERED", "LAST BEAT", "USER");
            rows.forEach(r -> out.printf(format, r.host(), r.state(), r.resources(), r.registered(), r.beat(), r.user()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static List<Row> rows(Fleet fleet, Instant now) {
        Map<String, List<StatusEntry>> reporting = new TreeMap<>();
        fleet.allEntries().forEach(e -> reporting.computeIfAbsent(e.host(), h -> new java.util.ArrayList<>()).add(e));
        Map<String, Row> rows = new TreeMap<>();
        for (HostRecord r : fleet.registered()) {
            rows.put(r.host(), row(r.host(), Optional.of(r), reporting.getOrDefault(r.host(), List.of()), now));
        }
        reporting.forEach((h, entries) -> rows.computeIfAbsent(h, x -> row(h, Optional.empty(), entries, now)));
        return List.copyOf(rows.values());
    }

    private static Row row(String host, Optional<HostRecord> record, List<StatusEntry> entries, Instant now) {
        String state = entries.isEmpty() ? "silent" : entries.stream().anyMatch(e -> e.staleAt(now)) ? "stale" : "live";
        String resources = record.map(r -> String.join(",", r.resources()))
                .orElse(entries.stream().map(StatusEntry::resource).collect(Collectors.joining(",")));
        String beat = entries.stream().map(StatusEntry::beat).max(Instant::compareTo)
                .map(b -> Duration.between(b, now).toSeconds() + "s ago").orElse("-");
        String user = record.map(HostRecord::user).filter(u -> !u.isEmpty())
                .or(() -> entries.stream().map(StatusEntry::user).filter(u -> !u.isEmpty()).findFirst()).orElse("-");
        return new Row(host, state, resources, record.map(r -> r.registered().toString()).orElse("(not registered)"), beat, user);
    }

    /** {@code confdsl hosts forget HOST}. */
    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = {"Stops expecting HOST: removes " + HostRecord.PREFIX + "/HOST, so tasks no longer wait for it.",
                "Its daemon registers it again when it starts."})
    static final class Forget implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        KeysOptions options;

        @Parameters(index = "0", paramLabel = "HOST", description = "The host's name (as its daemon's --host).")
        String host;

        @Override
        public Integer call() {
            try (MutableKeyValueStore store = options.open()) {
                HostRegistry registry = new HostRegistry(store);
                try {
                    StatusEntry.checkHost(host);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                if (!registry.forget(host)) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("confdsl: host " + host + " is not registered under " + HostRecord.PREFIX + "; registered: "
                            + registry.hosts().stream().map(HostRecord::host).collect(Collectors.joining(", ")));
                    err.flush();
                    return ExitCodes.KEY_NOT_FOUND;
                }
                boolean reporting = Fleet.read(store).allEntries().stream().anyMatch(e -> e.host().equals(host));
                PrintWriter out = spec.commandLine().getOut();
                out.println("forgot " + host + (reporting ? " (its daemon still reports: it registers again when it restarts)" : ""));
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
