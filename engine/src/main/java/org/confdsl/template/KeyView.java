package org.confdsl.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import org.confdsl.store.KeyPrefix;
import org.confdsl.store.Snapshot;
import org.confdsl.golang.GoPath;

/**
 * A read-only view of a {@link Snapshot} as a template sees it: keys under the resource prefix,
 * with the prefix stripped, exactly as confd does. With prefix {@code /cloud}, the store key
 * {@code /cloud/upstream/a} is seen as {@code /upstream/a}, and {@code /cloud} itself as {@code /};
 * keys outside the prefix are not visible. Prefix {@code /} strips nothing.
 *
 * <p>Every key, pattern or directory asked for is recorded, as an absolute store key, in
 * {@link #keysRead()}, whether or not it was found. The view is safe to read from several threads.
 */
public final class KeyView {

    private final String prefix;
    /** The snapshot's absolute keys; the view translates on each lookup instead of copying them. */
    private final NavigableMap<String, String> all;
    private volatile NavigableMap<String, String> relative;
    private final ConcurrentSkipListSet<String> keysRead = new ConcurrentSkipListSet<>();
    private final ValueRules rules;

    /**
     * @param snapshot the keys, absolute
     * @param prefix the resource prefix, {@code "/"} (or {@code ""}) for none; a trailing slash is ignored
     */
    public KeyView(Snapshot snapshot, String prefix) {
        this(snapshot, prefix, ValueRules.NONE);
    }

    /**
     * A view whose reads ({@code get}, {@code getv}, {@code gets}, {@code getvs}) fail on a value
     * that breaks one of {@code rules}.
     */
    public KeyView(Snapshot snapshot, String prefix, ValueRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(snapshot, "snapshot");
        this.prefix = KeyPrefix.normalize(Objects.requireNonNull(prefix, "prefix"));
        this.all = snapshot.entries();
    }

    /**
     * The visible entries whose relative key starts with {@code start}, in key order, as
     * relative keys. Visible means: the prefix key itself (seen as {@code /}) and every key below
     * the prefix. Lazily translated, so a lookup in a 10,000-key prefix copies nothing.
     */
    private Iterable<Map.Entry<String, String>> visibleFrom(String start) {
        if (prefix.isEmpty()) {
            return () -> all.tailMap(start, true).entrySet().stream()
                    .takeWhile(e -> e.getKey().startsWith(start)).iterator();
        }
        List<Map.Entry<String, String>> own = new ArrayList<>(1);
        String ownValue = all.get(prefix);
        if (ownValue != null && "/".startsWith(start)) {
            own.add(Map.entry("/", ownValue));
        }
        NavigableMap<String, String> below = KeyPrefix.below(all, prefix);
        String from = start.startsWith("/") ? prefix + start : prefix + "/";
        int cut = prefix.length();
        return () -> java.util.stream.Stream.concat(own.stream(), below.tailMap(from, true).entrySet().stream()
                .map(e -> Map.entry(e.getKey().substring(cut), e.getValue()))
                .takeWhile(e -> e.getKey().startsWith(start))).iterator();
    }

    /** The resource prefix, {@code "/"} for none. */
    public String prefix() {
        return prefix.isEmpty() ? "/" : prefix;
    }

    /** The visible keys (relative) and their values, sorted by key; built on first use. */
    public NavigableMap<String, String> entries() {
        NavigableMap<String, String> r = relative;
        if (r == null) {
            TreeMap<String, String> copy = new TreeMap<>();
            visibleFrom("").forEach(e -> copy.put(e.getKey(), e.getValue()));
            r = Collections.unmodifiableNavigableMap(copy);
            relative = r;
        }
        return r;
    }

    /** The absolute keys, glob patterns and directories asked for so far, sorted. */
    public SortedSet<String> keysRead() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(keysRead));
    }

    /** {@code key} (relative to the prefix) as the absolute store key. */
    public String absolute(String key) {
        if (prefix.isEmpty()) {
            return key;
        }
        return "/".equals(key) ? prefix : prefix + key;
    }

    /** Whether {@code key} exists. */
    public boolean exists(String key) {
        keysRead.add(absolute(key));
        return lookup(key) != null;
    }

    /**
     * The key and its value.
     *
     * @throws MissingKeyException if the key does not exist
     */
    public KV get(String key) {
        String value = read(key);
        if (value == null) {
            throw new MissingKeyException(key, absolute(key), notFound(key) + "; test it first with exists('" + key + "')");
        }
        return new KV(key, value);
    }

    /**
     * The value of {@code key}.
     *
     * @throws MissingKeyException if the key does not exist
     */
    public String getv(String key) {
        String value = read(key);
        if (value == null) {
            throw new MissingKeyException(key, absolute(key),
                    notFound(key) + "; give getv a default, e.g. getv('" + key + "', 'x')");
        }
        return value;
    }

    /** The value of {@code key}, or {@code defaultValue} when it does not exist. */
    public String getv(String key, String defaultValue) {
        String value = read(key);
        return value == null ? defaultValue : value;
    }

    /**
     * The keys matching a glob (Go's path.Match: {@code *} does not cross {@code /}), sorted by key.
     *
     * @throws TemplateFunctionException if the pattern is malformed
     */
    public List<KV> gets(String pattern) {
        keysRead.add(absolute(pattern));
        Pattern glob = compile(pattern);
        String literal = GoPath.literalPrefix(pattern);
        List<KV> out = new ArrayList<>();
        for (Map.Entry<String, String> e : visibleFrom(literal)) {
            if (glob.matcher(e.getKey()).matches()) {
                rules.check(e.getKey(), absolute(e.getKey()), e.getValue());
                out.add(new KV(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    /** The values of the keys matching a glob, sorted by VALUE (confd's order, not the keys'). */
    public List<String> getvs(String pattern) {
        List<String> values = new ArrayList<>();
        for (KV kv : gets(pattern)) {
            values.add(kv.value());
        }
        Collections.sort(values);
        return values;
    }

    /**
     * The names directly below {@code dir}, sorted and unique; a leaf key gives its own base name
     * (as confd's memkv), a missing directory an empty list. Unlike confd, {@code ls('/')} lists
     * every top-level name.
     */
    public List<String> ls(String dir) {
        return children(dir, false);
    }

    /** Like {@link #ls} but only the names that have children themselves. */
    public List<String> lsdir(String dir) {
        return children(dir, true);
    }

    private List<String> children(String dir, boolean onlyDirs) {
        String clean = GoPath.clean(dir);
        keysRead.add(absolute(clean));
        TreeSet<String> names = new TreeSet<>();
        if (!onlyDirs && !clean.equals("/") && lookup(clean) != null) {
            names.add(GoPath.base(clean));
        }
        String below = clean.equals("/") ? "/" : clean + "/";
        for (Map.Entry<String, String> e : visibleFrom(below)) {
            String key = e.getKey();
            String rest = key.substring(below.length());
            int slash = rest.indexOf('/');
            String name = slash < 0 ? rest : rest.substring(0, slash);
            boolean hasChildren = slash >= 0 && slash < rest.length() - 1;
            if (!name.isEmpty() && (!onlyDirs || hasChildren)) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    private String read(String key) {
        Objects.requireNonNull(key, "key");
        keysRead.add(absolute(key));
        String value = lookup(key);
        if (value != null) {
            rules.check(key, absolute(key), value);
        }
        return value;
    }

    /** The value of a visible relative key, or null. */
    private String lookup(String key) {
        if (prefix.isEmpty()) {
            return all.get(key);
        }
        // Relative keys start with '/'; anything else ("x", "") would name a key beside the prefix.
        return key.startsWith("/") ? all.get(absolute(key)) : null;
    }

    private String notFound(String key) {
        return "key '" + key + "' not found" + (prefix.isEmpty() ? "" : " (under prefix " + prefix + ")");
    }

    private static Pattern compile(String pattern) {
        try {
            return GoPath.glob(pattern);
        } catch (IllegalArgumentException e) {
            throw new TemplateFunctionException(e.getMessage(), e);
        }
    }
}
