package org.confdsl.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.confdsl.sync.Outcome;
import org.confdsl.template.internal.Json;

/**
 * What one watch daemon last did with one resource, as published in the store under
 * {@code /confdsl/status/<host>/<resource>} (one JSON object, on the daemon's lease):
 * {@code {"revision":12,"applied":12,"outcome":"UPDATED","at":"2025-01-01T10:00:00Z","message":"",
 * "beat":"2025-01-01T10:00:03Z","beatEvery":3333,"user":"confdsl"}}. The daemon rewrites its entries
 * every {@code beatEvery} milliseconds with a new {@code beat} (its heartbeat), so an entry whose
 * beat is older than {@link #staleAfter()} belongs to a daemon that stopped reporting, even while
 * its lease still holds it.
 *
 * @param host the daemon's name ({@code run --host}, default the machine's host name)
 * @param resource the resource name
 * @param revision the store revision of the last pass over the resource
 * @param applied the newest revision whose render is installed, checked and reloaded; 0 when none yet
 * @param outcome the outcome of the last pass
 * @param at when the last pass ended
 * @param message why, for a failure; never a key's value
 * @param beat when the daemon last wrote the entry (its heartbeat); {@code at} in entries without one
 * @param beatEvery how often the daemon beats; {@link Duration#ZERO} when it does not say (never stale)
 * @param user the etcd user the daemon writes as; empty without authentication
 */
public record StatusEntry(String host, String resource, long revision, long applied, Outcome outcome, Instant at, String message,
        Instant beat, Duration beatEvery, String user) {

    /** Where every daemon's status lives; a watch daemon never renders from it. */
    public static final String PREFIX = "/confdsl/status";

    public StatusEntry {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(beat, "beat");
        Objects.requireNonNull(beatEvery, "beatEvery");
        Objects.requireNonNull(user, "user");
    }

    /** An entry without a heartbeat (written once, never stale by its beat). */
    public StatusEntry(String host, String resource, long revision, long applied, Outcome outcome, Instant at, String message) {
        this(host, resource, revision, applied, outcome, at, message, at, Duration.ZERO, "");
    }

    /** The same entry with a new heartbeat. */
    public StatusEntry beatAt(Instant when) {
        return new StatusEntry(host, resource, revision, applied, outcome, at, message, when, beatEvery, user);
    }

    /** Three missed beats and a second of slack; {@link Duration#ZERO} when the entry has no heartbeat. */
    public Duration staleAfter() {
        return beatEvery.isZero() ? Duration.ZERO : beatEvery.multipliedBy(3).plusSeconds(1);
    }

    /** Whether the daemon missed three beats by {@code now} (the reader's clock: keep hosts' clocks in sync). */
    public boolean staleAt(Instant now) {
        return !beatEvery.isZero() && beat.plus(staleAfter()).isBefore(now);
    }

    /** The entry's key. */
    public String key() {
        return key(host, resource);
    }

    /** {@code /confdsl/status/<host>/<resource>}. */
    public static String key(String host, String resource) {
        return PREFIX + "/" + host + "/" + resource;
    }

    /**
     * A host name usable in a key: no {@code /}, not empty.
     *
     * @throws IllegalArgumentException saying what to give instead
     */
    public static String checkHost(String host) {
        if (host == null || host.isBlank() || host.contains("/") || !host.equals(host.strip())) {
            throw new IllegalArgumentException("host name '" + host + "' cannot name a status entry: give one without '/' or spaces");
        }
        return host;
    }

    /** Whether this daemon has the render of {@code wanted} (or a later revision) in place and reloaded. */
    public boolean hasApplied(long wanted) {
        return applied >= wanted;
    }

    /** Whether this daemon tried {@code wanted} (or later) and failed: it will not apply it by waiting. */
    public boolean rejected(long wanted) {
        return outcome.isFailure() && revision >= wanted && applied < wanted;
    }

    /** The stored JSON. */
    public String toJson() {
        return "{\"revision\":" + revision + ",\"applied\":" + applied + ",\"outcome\":\"" + outcome.name()
                + "\",\"at\":\"" + at + "\",\"message\":\"" + escape(message) + "\",\"beat\":\"" + beat
                + "\",\"beatEvery\":" + beatEvery.toMillis() + ",\"user\":\"" + escape(user) + "\"}";
    }

    /** The entry stored at {@code key}, if the key and JSON are a status entry's. */
    public static Optional<StatusEntry> parse(String key, String json) {
        if (!key.startsWith(PREFIX + "/")) {
            return Optional.empty();
        }
        String[] parts = key.substring(PREFIX.length() + 1).split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            if (!(Json.parse(json) instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            Instant at = Instant.parse(String.valueOf(map.get("at")));
            Object beat = map.get("beat");
            Object every = map.get("beatEvery");
            Object user = map.get("user");
            return Optional.of(new StatusEntry(parts[0], parts[1], ((Number) map.get("revision")).longValue(),
                    ((Number) map.get("applied")).longValue(), Outcome.valueOf(String.valueOf(map.get("outcome"))),
                    at, String.valueOf(map.get("message")), beat == null ? at : Instant.parse(String.valueOf(beat)),
                    every instanceof Number n ? Duration.ofMillis(n.longValue()) : Duration.ZERO, user == null ? "" : String.valueOf(user)));
        } catch (RuntimeException e) {
            return Optional.empty(); // someone else's key under our prefix: not a daemon
        }
    }

    /** "web1 at revision 7 (UPDATED)" or with the failure's message. */
    public String describe() {
        return host + " at revision " + applied + (outcome.isFailure() ? " (" + outcome + " at revision " + revision
                + (message.isEmpty() ? "" : ": " + message) + ")" : "");
    }

    /** {@code s} as the inside of a JSON string. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
