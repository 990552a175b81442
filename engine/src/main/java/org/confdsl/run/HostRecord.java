package org.confdsl.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.confdsl.template.internal.Json;

/**
 * One host that serves resources, as registered by its watch daemon at start under
 * {@code /confdsl/hosts/<host>} (one JSON object, on no lease, so it outlives the daemon):
 * {@code {"resources":["cloud"],"script":"nginx.groovy","registered":"2025-01-01T10:00:00Z","user":""}}.
 * A registered host stays expected until an operator forgets it ({@code confdsl hosts forget HOST}).
 *
 * @param host the daemon's name (as in its status entries)
 * @param resources the resources it serves
 * @param script the script file name it runs
 * @param registered when its daemon last started
 * @param user the etcd user it writes as; empty without authentication
 */
public record HostRecord(String host, List<String> resources, String script, Instant registered, String user) {

    /** Where hosts are registered; a watch daemon never renders from it. */
    public static final String PREFIX = "/confdsl/hosts";

    public HostRecord {
        StatusEntry.checkHost(host);
        resources = List.copyOf(resources);
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(registered, "registered");
        Objects.requireNonNull(user, "user");
    }

    /** The last part of a record's key: the record lives under its host's own directory. */
    static final String LEAF = "/registered";

    /**
     * {@code /confdsl/hosts/<host>/registered}: below {@code /confdsl/hosts/<host>/}, so the grant
     * that lets a host write its own keys (with the trailing slash) covers it and nothing of
     * another host (see the README's Permissions).
     */
    public static String key(String host) {
        return PREFIX + "/" + host + LEAF;
    }

    /** The record's key. */
    public String key() {
        return key(host);
    }

    /** Whether this host serves {@code resource}. */
    public boolean serves(String resource) {
        return resources.contains(resource);
    }

    /** The stored JSON. */
    public String toJson() {
        return "{\"resources\":[" + resources.stream().map(r -> "\"" + StatusEntry.escape(r) + "\"").collect(Collectors.joining(","))
                + "],\"script\":\"" + StatusEntry.escape(script) + "\",\"registered\":\"" + registered + "\",\"user\":\""
                + StatusEntry.escape(user) + "\"}";
    }

    /** The record stored at {@code key}, if the key and JSON are a host record's. */
    public static Optional<HostRecord> parse(String key, String json) {
        if (!key.startsWith(PREFIX + "/") || !key.endsWith(LEAF)
                || key.indexOf('/', PREFIX.length() + 1) != key.length() - LEAF.length()) {
            return Optional.empty();
        }
        try {
            if (!(Json.parse(json) instanceof Map<?, ?> map) || !(map.get("resources") instanceof List<?> list)) {
                return Optional.empty();
            }
            List<String> resources = new ArrayList<>();
            list.forEach(r -> resources.add(String.valueOf(r)));
            Object user = map.get("user");
            return Optional.of(new HostRecord(key.substring(PREFIX.length() + 1, key.length() - LEAF.length()), resources, String.valueOf(map.get("script")),
                    Instant.parse(String.valueOf(map.get("registered"))), user == null ? "" : String.valueOf(user)));
        } catch (RuntimeException e) {
            return Optional.empty(); // someone else's key under our prefix: not a host
        }
    }
}
