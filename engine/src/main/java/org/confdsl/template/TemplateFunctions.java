package org.confdsl.template;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.confdsl.template.internal.Dns;
import org.confdsl.golang.GoPath;
import org.confdsl.golang.GoStrings;
import org.confdsl.template.internal.Json;

/**
 * confd's template functions, with confd's semantics, over one {@link KeyView}. Templates call them
 * by name ({@code getv('/subdomain')}); a shell can bind the same object to evaluate expressions.
 * Integers are {@code long} (Go's {@code int} is 64 bits). A function that cannot do its job throws
 * {@link TemplateFunctionException}, whose message never contains a key's value.
 */
public final class TemplateFunctions {

    /** The most numbers {@link #seq} returns. */
    public static final int MAX_SEQ = 10_000_000;

    private final KeyView keys;

    /** @param keys the keys the store functions read */
    public TemplateFunctions(KeyView keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The view the store functions read. */
    public KeyView keys() {
        return keys;
    }

    // ---- store (memkv) ----

    /** Whether {@code key} exists. */
    public boolean exists(String key) {
        return keys.exists(key);
    }

    /** The key and value; an error names the key when it does not exist. */
    public KV get(String key) {
        return keys.get(key);
    }

    /** Key-value pairs whose key matches a glob ({@code *} does not cross {@code /}), sorted by key. */
    public List<KV> gets(String pattern) {
        return keys.gets(pattern);
    }

    /** The value of {@code key}; an error when it does not exist. */
    public String getv(String key) {
        return keys.getv(key);
    }

    /** The value of {@code key}, or {@code defaultValue} (as a string) when it does not exist. */
    public String getv(String key, Object defaultValue) {
        return keys.getv(key, defaultValue == null ? null : defaultValue.toString());
    }

    /** Values of the keys matching a glob, sorted by value (confd's order). */
    public List<String> getvs(String pattern) {
        return keys.getvs(pattern);
    }

    /**
     * {@link #getv(String)} whose value must match {@code match:} entirely
     * ({@code getv('/upstream/a', match: /^[\w.-]+:\d+$/)}); otherwise the render fails naming the
     * key, never the value.
     */
    public String getv(Map<String, ?> options, String key) {
        return matching(options, key, keys.getv(key));
    }

    /** {@link #getv(String, Object)} whose value, when the key exists, must match {@code match:}. */
    public String getv(Map<String, ?> options, String key, Object defaultValue) {
        String value = getv(key, defaultValue);
        return keys.exists(key) ? matching(options, key, value) : value;
    }

    /** {@link #getvs(String)} whose every value must match {@code match:}. */
    public List<String> getvs(Map<String, ?> options, String pattern) {
        Pattern match = match(options);
        for (KV kv : keys.gets(pattern)) {
            ValueRules.require(keys.absolute(kv.key()), kv.value(), match);
        }
        return keys.getvs(pattern);
    }

    private String matching(Map<String, ?> options, String key, String value) {
        ValueRules.require(keys.absolute(key), value, match(options));
        return value;
    }

    private static Pattern match(Map<String, ?> options) {
        for (String name : options.keySet()) {
            if (!"match".equals(name)) {
                throw new TemplateFunctionException("no option '" + name + "'; the store functions take match:, e.g. match: /^[\\w.-]+:\\d+$/");
            }
        }
        if (!options.containsKey("match")) {
            throw new TemplateFunctionException("match: is missing, e.g. getv('/upstream/a', match: /^[\\w.-]+:\\d+$/)");
        }
        return ValueRules.pattern(options.get("match"));
    }

    /** Names directly below {@code dir}, sorted and unique; see {@link KeyView#ls}. */
    public List<String> ls(String dir) {
        return keys.ls(dir);
    }

    /** Names directly below {@code dir} that have children, sorted and unique. */
    public List<String> lsdir(String dir) {
        return keys.lsdir(dir);
    }

    // ---- paths and strings ----

    /** Go's path.Base: the last element of a key. */
    public String base(String path) {
        return GoPath.base(path);
    }

    /** Go's path.Dir: all but the last element of a key. */
    public String dir(String path) {
        return GoPath.dir(path);
    }

    /** Go's strings.Split: every field, empty ones included. */
    public List<String> split(String s, String sep) {
        return GoStrings.split(s, sep);
    }

    /** Go's strings.Join(elements, sep); elements are converted with toString. */
    public String join(Iterable<?> elements, String sep) {
        List<String> parts = new ArrayList<>();
        for (Object e : elements) {
            parts.add(String.valueOf(e));
        }
        return String.join(sep, parts);
    }

    /** strings.Join for an array. */
    public String join(Object[] elements, String sep) {
        return join(Arrays.asList(elements), sep);
    }

    /** Upper case (locale independent). */
    public String toUpper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Lower case (locale independent). */
    public String toLower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code s} contains {@code substr}. */
    public boolean contains(String s, String substr) {
        return s.contains(substr);
    }

    /** Go's strings.Replace: the first {@code n} occurrences, all when {@code n < 0}. */
    public String replace(String s, String old, String replacement, long n) {
        return GoStrings.replace(s, old, replacement, n);
    }

    /** {@code s} without {@code suffix} at its end, if it has it. */
    public String trimSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    /** Standard base64 (with padding) of the UTF-8 bytes of {@code s}. */
    public String base64Encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes standard, padded base64 to UTF-8 text; an error if it is not valid base64. */
    public String base64Decode(String s) {
        try {
            if (s.length() % 4 != 0) {
                throw new IllegalArgumentException("length is not a multiple of 4");
            }
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new TemplateFunctionException("base64Decode: not valid base64 (" + e.getMessage() + ")", e);
        }
    }

    // ---- data ----

    /** Parses a JSON object to a map sorted by key (numbers: Long or BigDecimal). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json(String text) {
        Object value = parseJson("json", text);
        if (value == null) {
            return new TreeMap<>();
        }
        if (!(value instanceof Map)) {
            throw new TemplateFunctionException("json: expected a JSON object; use jsonArray for arrays");
        }
        return (Map<String, Object>) value;
    }

    /** Parses a JSON array to a list. */
    @SuppressWarnings("unchecked")
    public List<Object> jsonArray(String text) {
        Object value = parseJson("jsonArray", text);
        if (value == null) {
            return new ArrayList<>();
        }
        if (!(value instanceof List)) {
            throw new TemplateFunctionException("jsonArray: expected a JSON array; use json for objects");
        }
        return (List<Object>) value;
    }

    private static Object parseJson(String function, String text) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TemplateFunctionException(function + ": " + e.getMessage(), e);
        }
    }

    /** {@code map('k1', v1, 'k2', v2)}: a map sorted by key; an error on an odd count or a non-string key. */
    public Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new TemplateFunctionException("map needs key, value pairs; got "
                    + keysAndValues.length + " arguments");
        }
        Map<String, Object> out = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof CharSequence key)) {
                throw new TemplateFunctionException("map keys must be strings; argument " + (i + 1) + " is not");
            }
            out.put(key.toString(), keysAndValues[i + 1]);
        }
        return out;
    }

    /** Reverses a list (of strings, KVs or anything) into a new list. */
    public List<Object> reverse(List<?> values) {
        List<Object> out = new ArrayList<>(values);
        Collections.reverse(out);
        return out;
    }

    /** Strings sorted by length, shortest first; equal lengths keep their order. */
    public List<String> sortByLength(List<?> values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(String.valueOf(v));
        }
        out.sort(Comparator.comparingInt(String::length));
        return out;
    }

    /** KVs sorted by the length of their key, shortest first; equal lengths keep their order. */
    public List<KV> sortKVByLength(List<KV> values) {
        List<KV> out = new ArrayList<>(values);
        out.sort(Comparator.comparingInt(kv -> kv.key().length()));
        return out;
    }

    // ---- environment ----

    /** The environment variable, or {@code ""} when unset or empty. */
    public String getenv(String name) {
        return getenv(name, "");
    }

    /** The environment variable, or {@code defaultValue} when unset or empty (confd's rule). */
    public String getenv(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    /** The current time in the system zone; prints as ISO-8601, formats with a DateTimeFormatter. */
    public ZonedDateTime datetime() {
        return ZonedDateTime.now();
    }

    /** Whether a file (or directory) exists at {@code path}. */
    public boolean fileExists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Addresses of {@code host}, sorted as strings; empty when it does not resolve. */
    public List<String> lookupIP(String host) {
        return Dns.lookupIp(host);
    }

    /** The IPv4 addresses of {@code host}, sorted. */
    public List<String> lookupIPV4(String host) {
        return lookupIP(host).stream().filter(ip -> !ip.contains(":")).toList();
    }

    /** The IPv6 addresses of {@code host}, sorted. */
    public List<String> lookupIPV6(String host) {
        return lookupIP(host).stream().filter(ip -> ip.contains(":")).toList();
    }

    /**
     * SRV records of {@code _service._proto.name}, sorted as confd sorts them; empty on any failure.
     * The DNS server is the system's unless the system property {@code confdsl.dns.server} says
     * {@code host:port}.
     */
    public List<Srv> lookupSRV(String service, String proto, String name) {
        return Dns.lookupSrv(service, proto, name);
    }

    // ---- numbers ----

    /** Go's strconv.ParseBool: 1 t T TRUE true True 0 f F FALSE false False; anything else is an error. */
    public boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new TemplateFunctionException("parseBool: '" + s + "' is not a boolean");
        };
    }

    /** Go's strconv.Atoi: a decimal integer with an optional sign; anything else is an error. */
    public long atoi(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new TemplateFunctionException("atoi: '" + s + "' is not an integer", e);
        }
    }

    /** a + b. */
    public long add(long a, long b) {
        return a + b;
    }

    /** a - b. */
    public long sub(long a, long b) {
        return a - b;
    }

    /** a * b. */
    public long mul(long a, long b) {
        return a * b;
    }

    /** a / b, truncated toward zero; an error when b is 0. */
    public long div(long a, long b) {
        if (b == 0) {
            throw new TemplateFunctionException("div: division by zero");
        }
        return a / b;
    }

    /** a % b, with the sign of a; an error when b is 0. */
    public long mod(long a, long b) {
        if (b == 0) {
            throw new TemplateFunctionException("mod: division by zero");
        }
        return a % b;
    }

    /**
     * The integers from {@code first} to {@code last} inclusive; empty when last &lt; first. An
     * error above {@value #MAX_SEQ} elements, which ThreadInterrupt could not stop while building.
     */
    public List<Long> seq(long first, long last) {
        if (last >= first && last - first >= MAX_SEQ) {
            throw new TemplateFunctionException("seq: more than " + MAX_SEQ + " numbers asked for");
        }
        List<Long> out = new ArrayList<>();
        for (long i = first; i <= last; i++) {
            out.add(i);
        }
        return out;
    }
}
