package org.confdsl.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules of an await: which hosts must confirm a resource and when a host counts as lost.
 * Expected are the hosts registered for the resource plus the script's inventory
 * ({@code hosts 'web1', 'web2'}); live are those whose status entry exists and beats. Every
 * expected host must be live before anything changes, and a required host that vanishes or goes
 * stale fails the wait at once, because its service keeps running whatever config it had.
 * Hosts the operator allows to be missing ({@code --allow-missing}) are neither required nor waited for.
 */
public final class Membership {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Set<String> inventory;
    private final Set<String> allowMissing;

    /**
     * @param inventory the hosts the script declares; empty when it declares none
     * @param allowMissing hosts the operator lets be missing
     */
    public Membership(Collection<String> inventory, Collection<String> allowMissing) {
        this.inventory = new TreeSet<>(inventory);
        this.allowMissing = new TreeSet<>(allowMissing);
    }

    /** No inventory, nobody allowed to be missing: the registered hosts and the live ones. */
    public static Membership standard() {
        return new Membership(List.of(), List.of());
    }

    /** The hosts the operator lets be missing. */
    public Set<String> allowMissing() {
        return allowMissing;
    }

    /**
     * Who serves a resource now.
     *
     * @param required the hosts that must confirm: expected or live, minus the allowed
     * @param excused the allowed hosts that are expected but not live (said in the output)
     */
    public record Serving(String resource, Set<String> required, Set<String> excused) {
    }

    /**
     * The hosts that must confirm {@code resource}.
     *
     * @throws NotAppliedException when no host serves it, or an expected host is not live (naming it)
     */
    public Serving serving(Fleet fleet, String resource, Instant now) {
        Set<String> expected = fleet.expected(resource, inventory);
        expected.addAll(fleet.entries(resource).keySet()); // a stale entry is a host that served it: expected too
        Set<String> live = new TreeSet<>();
        fleet.entries(resource).values().stream().filter(e -> !e.staleAt(now)).forEach(e -> live.add(e.host()));
        Set<String> all = new TreeSet<>(expected);
        all.addAll(live);
        if (all.isEmpty()) {
            throw new NotAppliedException("no confdsl daemon serves '" + resource + "' (no host registered for it under "
                    + HostRecord.PREFIX + ", no status under " + StatusEntry.PREFIX + "/*/" + resource
                    + "): start 'confdsl run SCRIPT --watch' with this script's store on each host");
        }
        Set<String> silent = expected.stream().filter(h -> !live.contains(h)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> excused = silent.stream().filter(allowMissing::contains).collect(Collectors.toCollection(TreeSet::new));
        silent.removeAll(excused);
        if (!silent.isEmpty()) {
            throw new NotAppliedException("'" + resource + "' is served by " + String.join(", ", all) + " but "
                    + silent.stream().map(h -> h + " " + silence(fleet, resource, h, now)).collect(Collectors.joining("; "))
                    + ": start its daemon, 'confdsl hosts forget HOST' if it is gone for good, or run the task with --allow-missing "
                    + String.join(" --allow-missing ", silent) + " to go on knowingly");
        }
        Set<String> required = new TreeSet<>(all);
        required.removeAll(allowMissing);
        if (required.isEmpty()) {
            throw new NotAppliedException("every host that serves '" + resource + "' (" + String.join(", ", all)
                    + ") is allowed to be missing: nobody would confirm it");
        }
        return new Serving(resource, required, excused);
    }

    /**
     * Why {@code host}, required for {@code resource}, can no longer confirm it: its entry vanished
     * (lease expired) or stopped beating; empty while it reports.
     */
    public Optional<String> lost(Fleet fleet, String resource, String host, Instant now) {
        StatusEntry e = fleet.entries(resource).get(host);
        if (e == null) {
            return Optional.of(fleet.departure(resource, host)
                    .map(d -> "it stopped reporting at revision " + d.last().applied() + " (lease expired " + CLOCK.format(d.seen()) + ")")
                    .orElse("it has no status entry"));
        }
        if (e.staleAt(now)) {
            return Optional.of("it stopped reporting at revision " + e.applied() + " (last heartbeat " + CLOCK.format(e.beat()) + ", "
                    + Duration.between(e.beat(), now).toSeconds() + " s ago)");
        }
        return Optional.empty();
    }

    /** "has no live status entry (registered ...)" or "stopped beating ...": why an expected host is not live. */
    static String silence(Fleet fleet, String resource, String host, Instant now) {
        StatusEntry e = fleet.entries(resource).get(host);
        if (e != null) {
            return "stopped reporting at revision " + e.applied() + " (last heartbeat " + CLOCK.format(e.beat()) + ", "
                    + Duration.between(e.beat(), now).toSeconds() + " s ago)";
        }
        return "has no live status (daemon stopped, frozen or cut off from the store"
                + fleet.registration(host).map(r -> "; registered " + r.registered()).orElse("; named in the script's hosts") + ")";
    }

    /** "HH:mm:ss" in this machine's zone. */
    static String clock(Instant t) {
        return CLOCK.format(t);
    }
}
