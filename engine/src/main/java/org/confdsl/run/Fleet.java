package org.confdsl.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.confdsl.store.KeyValueStore;
import org.confdsl.store.Snapshot;
import org.confdsl.store.WatchEvent;

/**
 * The fleet as the store shows it: every registered host and every daemon's status entries,
 * indexed by resource and host, kept current by watch events (each event costs one parse, so a
 * wait over 1,000 hosts stays cheap). Remembers the entries that vanished while it was watched,
 * and when: a daemon whose lease expired. Not thread-safe: its owner locks.
 */
public final class Fleet {

    /** The prefixes to read and watch. */
    public static final List<String> PREFIXES = List.of(StatusEntry.PREFIX, HostRecord.PREFIX);

    /** A status entry that vanished: the daemon's last word, and when it was seen to go. */
    public record Departure(StatusEntry last, Instant seen) {
    }

    private final long revision;
    private final Map<String, TreeMap<String, StatusEntry>> byResource = new HashMap<>();
    private final TreeMap<String, HostRecord> registered = new TreeMap<>();
    private final Map<String, Departure> departed = new HashMap<>();

    private Fleet(Snapshot snapshot) {
        this.revision = snapshot.revision();
        snapshot.entries().forEach((k, v) -> put(k, v));
    }

    /** One consistent read of the status entries and the host records. */
    public static Fleet read(KeyValueStore store) {
        return new Fleet(store.snapshot(PREFIXES));
    }

    /** The fleet in {@code snapshot} (which should cover {@link #PREFIXES}). */
    public static Fleet of(Snapshot snapshot) {
        return new Fleet(snapshot);
    }

    /** The revision of the first read. */
    public long revision() {
        return revision;
    }

    /** Applies watch events seen at {@code now}. */
    public void apply(List<WatchEvent> events, Instant now) {
        for (WatchEvent e : events) {
            if (e.type() == WatchEvent.Type.PUT) {
                put(e.key(), e.value().orElseThrow());
            } else {
                remove(e.key(), now);
            }
        }
    }

    private void put(String key, String value) {
        if (key.startsWith(HostRecord.PREFIX + "/")) {
            HostRecord.parse(key, value).ifPresent(r -> registered.put(r.host(), r));
            return;
        }
        StatusEntry.parse(key, value).ifPresent(e -> {
            byResource.computeIfAbsent(e.resource(), r -> new TreeMap<>()).put(e.host(), e);
            departed.remove(e.resource() + "/" + e.host());
        });
    }

    private void remove(String key, Instant now) {
        if (key.startsWith(HostRecord.PREFIX + "/")) {
            registered.remove(key.substring(HostRecord.PREFIX.length() + 1));
            return;
        }
        if (!key.startsWith(StatusEntry.PREFIX + "/")) {
            return;
        }
        String[] parts = key.substring(StatusEntry.PREFIX.length() + 1).split("/");
        if (parts.length != 2) {
            return;
        }
        TreeMap<String, StatusEntry> hosts = byResource.get(parts[1]);
        StatusEntry gone = hosts == null ? null : hosts.remove(parts[0]);
        if (gone != null) {
            departed.put(parts[1] + "/" + parts[0], new Departure(gone, now));
        }
    }

    /** The live entries for {@code resource} (present in the store; maybe stale), by host. */
    public Map<String, StatusEntry> entries(String resource) {
        return byResource.getOrDefault(resource, new TreeMap<>());
    }

    /** Every entry, sorted by host then resource. */
    public List<StatusEntry> allEntries() {
        List<StatusEntry> out = new ArrayList<>();
        byResource.values().forEach(m -> out.addAll(m.values()));
        out.sort((a, b) -> a.host().equals(b.host()) ? a.resource().compareTo(b.resource()) : a.host().compareTo(b.host()));
        return out;
    }

    /** Every registered host, by name. */
    public Collection<HostRecord> registered() {
        return registered.values();
    }

    /** The registered record of {@code host}. */
    public Optional<HostRecord> registration(String host) {
        return Optional.ofNullable(registered.get(host));
    }

    /** The hosts expected to serve {@code resource}: registered for it, or named by the script's inventory. */
    public Set<String> expected(String resource, Collection<String> inventory) {
        Set<String> out = new TreeSet<>(inventory);
        registered.values().stream().filter(r -> r.serves(resource)).forEach(r -> out.add(r.host()));
        return out;
    }

    /** The entry of {@code host} for {@code resource} that vanished while watched. */
    public Optional<Departure> departure(String resource, String host) {
        return Optional.ofNullable(departed.get(resource + "/" + host));
    }
}
