package org.confdsl.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.confdsl.gotemplate.FuncMap;
import org.confdsl.gotemplate.GoArgs;
import org.confdsl.gotemplate.GoKind;
import org.confdsl.gotemplate.GoTypeError;
import org.confdsl.template.internal.Json;
import org.confdsl.template.internal.MemKv;

/**
 * confd's function set bound to a Go template's {@link FuncMap}, over the same {@link KeyView} and
 * {@link TemplateFunctions} the Groovy templates use, with confd's behaviour wherever the Groovy side
 * differs (the README's ⚠ rows): memkv's {@code ls}/{@code lsdir} (so {@code ls "/"} lists only
 * top-level leaves), {@code reverse}/{@code sortByLength}/{@code sortKVByLength} working in place
 * ({@code reverse} leaves the result of {@code gets} unchanged, as confd's type switch does),
 * JSON numbers as float64, {@code datetime} as Go's time, and errors in Go's words
 * ({@code key does not exist: /x}, {@code runtime error: integer divide by zero},
 * {@code strconv.Atoi: parsing "x": invalid syntax}).
 */
public final class ConfdGoFunctions {

    private ConfdGoFunctions() {
    }

    /** The functions for one render, reading {@code keys}. */
    public static FuncMap of(KeyView keys) {
        TemplateFunctions f = new TemplateFunctions(keys);
        FuncMap m = FuncMap.empty();
        // memkv
        m.put("exists", List.of(GoKind.STRING), a -> keys.exists(string(a, 0)));
        m.put("get", List.of(GoKind.STRING), a -> {
            String key = string(a, 0);
            if (!keys.exists(key)) {
                throw notExist(key);
            }
            return keys.get(key);
        });
        m.put("gets", List.of(GoKind.STRING), a -> gets(keys, string(a, 0)));
        m.putVariadic("getv", List.of(GoKind.STRING), GoKind.STRING, a -> {
            String key = string(a, 0);
            if (keys.exists(key)) {
                return keys.getv(key);
            }
            if (a.size() > 1) {
                return string(a, 1);
            }
            throw notExist(key);
        });
        m.put("getvs", List.of(GoKind.STRING), a -> {
            List<String> values = new ArrayList<>();
            for (KV kv : gets(keys, string(a, 0))) {
                values.add(kv.value());
            }
            values.sort(Comparator.naturalOrder());
            return values;
        });
        m.put("ls", List.of(GoKind.STRING), a -> {
            String dir = string(a, 0);
            keys.exists(dir); // recorded as read
            return MemKv.ls(keys.entries(), dir);
        });
        m.put("lsdir", List.of(GoKind.STRING), a -> {
            String dir = string(a, 0);
            keys.exists(dir);
            return MemKv.lsdir(keys.entries(), dir);
        });
        // paths and strings
        m.put("base", List.of(GoKind.STRING), a -> f.base(string(a, 0)));
        m.put("dir", List.of(GoKind.STRING), a -> f.dir(string(a, 0)));
        m.put("split", List.of(GoKind.STRING, GoKind.STRING), a -> new ArrayList<>(f.split(string(a, 0), string(a, 1))));
        m.put("join", List.of(GoKind.ANY, GoKind.STRING), a -> String.join(string(a, 1), strings(a, 0)));
        m.put("toUpper", List.of(GoKind.STRING), a -> f.toUpper(string(a, 0)));
        m.put("toLower", List.of(GoKind.STRING), a -> f.toLower(string(a, 0)));
        m.put("contains", List.of(GoKind.STRING, GoKind.STRING), a -> f.contains(string(a, 0), string(a, 1)));
        m.put("replace", List.of(GoKind.STRING, GoKind.STRING, GoKind.STRING, GoKind.INT), a -> f.replace(string(a, 0), string(a, 1), string(a, 2), integer(a, 3)));
        m.put("trimSuffix", List.of(GoKind.STRING, GoKind.STRING), a -> f.trimSuffix(string(a, 0), string(a, 1)));
        m.put("base64Encode", List.of(GoKind.STRING), a -> f.base64Encode(string(a, 0)));
        m.put("base64Decode", List.of(GoKind.STRING), a -> base64Decode(string(a, 0)));
        // data
        m.put("json", List.of(GoKind.STRING), a -> goJson(parseJson(string(a, 0)), Map.class, "map[string]interface {}"));
        m.put("jsonArray", List.of(GoKind.STRING), a -> goJson(parseJson(string(a, 0)), List.class, "[]interface {}"));
        m.putVariadic("map", 0, a -> {
            if (a.size() % 2 != 0) {
                throw new IllegalArgumentException("invalid map call");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < a.size(); i += 2) {
                if (!(a.get(i) instanceof String key)) {
                    throw new IllegalArgumentException("map keys must be strings");
                }
                out.put(key, a.get(i + 1));
            }
            return out;
        });
        m.put("reverse", List.of(GoKind.ANY), a -> reverseInPlace(a.get(0)));
        m.put("sortByLength", List.of(GoKind.ANY), a -> sortInPlace(stringList(a, 0), Comparator.comparingInt(s -> ((String) s).length())));
        // Go returns the same backing array as a plain []memkv.KVPair, which reverse does reverse
        m.put("sortKVByLength", List.of(GoKind.ANY), a -> new ArrayList<Object>((List<?>) sortInPlace(kvList(a, 0),
                Comparator.comparingInt(kv -> ((KV) kv).key().length()))));
        // environment
        m.putVariadic("getenv", List.of(GoKind.STRING), GoKind.STRING, a -> f.getenv(string(a, 0), a.size() > 1 ? string(a, 1) : ""));
        m.put("datetime", 0, a -> new GoTime(ZonedDateTime.now()));
        m.put("fileExists", List.of(GoKind.STRING), a -> f.fileExists(string(a, 0)));
        m.put("lookupIP", List.of(GoKind.STRING), a -> new ArrayList<>(f.lookupIP(string(a, 0))));
        m.put("lookupIPV4", List.of(GoKind.STRING), a -> new ArrayList<>(f.lookupIP(string(a, 0)).stream().filter(ip -> ip.contains(".")).toList()));
        m.put("lookupIPV6", List.of(GoKind.STRING), a -> new ArrayList<>(f.lookupIPV6(string(a, 0))));
        m.put("lookupSRV", List.of(GoKind.STRING, GoKind.STRING, GoKind.STRING), a -> new ArrayList<>(f.lookupSRV(string(a, 0), string(a, 1), string(a, 2))));
        // numbers
        m.put("parseBool", List.of(GoKind.STRING), a -> parseBool(string(a, 0)));
        m.put("atoi", List.of(GoKind.STRING), a -> atoi(string(a, 0)));
        m.put("add", List.of(GoKind.INT, GoKind.INT), a -> integer(a, 0) + integer(a, 1));
        m.put("sub", List.of(GoKind.INT, GoKind.INT), a -> integer(a, 0) - integer(a, 1));
        m.put("mul", List.of(GoKind.INT, GoKind.INT), a -> integer(a, 0) * integer(a, 1));
        m.put("div", List.of(GoKind.INT, GoKind.INT), a -> {
            long b = integer(a, 1);
            if (b == 0) {
                throw new ArithmeticException("runtime error: integer divide by zero");
            }
            return integer(a, 0) / b;
        });
        m.put("mod", List.of(GoKind.INT, GoKind.INT), a -> {
            long b = integer(a, 1);
            if (b == 0) {
                throw new ArithmeticException("runtime error: integer divide by zero");
            }
            return integer(a, 0) % b;
        });
        m.put("seq", List.of(GoKind.INT, GoKind.INT), a -> new ArrayList<Object>(f.seq(integer(a, 0), integer(a, 1))));
        return m;
    }

    private static IllegalArgumentException notExist(String key) {
        return new IllegalArgumentException("key does not exist: " + key);
    }

    /**
     * memkv's {@code KVPairs}, the named slice type {@code gets} returns. confd's {@code reverse}
     * switches on {@code []memkv.KVPair} and so leaves a {@code KVPairs} as it is: {@code reverse (gets "/x/*")}
     * is the list unchanged in confd, and here.
     */
    static final class KVPairs extends ArrayList<KV> {
        private static final long serialVersionUID = 1L;

        KVPairs(List<KV> pairs) {
            super(pairs);
        }
    }

    private static List<KV> gets(KeyView keys, String pattern) {
        try {
            return new KVPairs(keys.gets(pattern));
        } catch (TemplateFunctionException e) {
            throw new IllegalArgumentException("syntax error in pattern", e);
        }
    }

    // ---- arguments, typed as Go's evalArg would ----

    static String string(List<Object> args, int i) {
        return GoArgs.string(args, i);
    }

    static long integer(List<Object> args, int i) {
        return GoArgs.integer(args, i);
    }

    private static List<String> strings(List<Object> args, int i) {
        return stringList(args, i);
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(List<Object> args, int i) {
        Object v = args.get(i);
        if (v instanceof List<?> list && list.stream().allMatch(e -> e instanceof String)) {
            return (List<String>) list;
        }
        throw new GoTypeError("[]string", v);
    }

    @SuppressWarnings("unchecked")
    private static List<KV> kvList(List<Object> args, int i) {
        Object v = args.get(i);
        if (v instanceof List<?> list && list.stream().allMatch(e -> e instanceof KV)) {
            return (List<KV>) list;
        }
        throw new GoTypeError("[]memkv.KVPair", v);
    }

    // ---- confd's in-place list functions ----

    /** confd's Reverse: reverses a []string or []KVPair in place and returns it; anything else unchanged. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object reverseInPlace(Object values) {
        if (values instanceof List list && !(values instanceof KVPairs) && (list.stream().allMatch(e -> e instanceof String)
                || list.stream().allMatch(e -> e instanceof KV))) {
            List copy = new ArrayList(list);
            java.util.Collections.reverse(copy);
            return replaceContents(list, copy);
        }
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object sortInPlace(List values, Comparator comparator) {
        List copy = new ArrayList(values);
        copy.sort(comparator);
        return replaceContents(values, copy);
    }

    /** Writes {@code contents} into {@code target} when it can be changed (as Go's slices are), else returns the copy. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object replaceContents(List target, List contents) {
        try {
            for (int i = 0; i < contents.size(); i++) {
                target.set(i, contents.get(i));
            }
            return target;
        } catch (UnsupportedOperationException e) {
            return contents;
        }
    }

    // ---- conversions with Go's wording ----

    private static Object parseJson(String text) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** encoding/json into interface{}: numbers are float64; a value of the wrong kind is an UnmarshalTypeError. */
    private static Object goJson(Object value, Class<?> want, String goType) {
        if (value != null && !want.isInstance(value)) {
            throw new IllegalArgumentException("json: cannot unmarshal " + jsonKind(value) + " into Go value of type " + goType);
        }
        return toGo(value);
    }

    private static Object toGo(Object v) {
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put((String) k, toGo(x)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(x -> out.add(toGo(x)));
            return out;
        }
        if (v instanceof Long || v instanceof BigInteger || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        return v;
    }

    private static String jsonKind(Object v) {
        if (v instanceof Map) {
            return "object";
        } else if (v instanceof List) {
            return "array";
        } else if (v instanceof String) {
            return "string";
        } else if (v instanceof Boolean) {
            return "bool";
        }
        return "number";
    }

    private static String base64Decode(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        try {
            if (s.length() % 4 != 0) {
                throw new IllegalArgumentException();
            }
            return new String(Base64.getDecoder().decode(in), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("illegal base64 data at input byte " + firstBadByte(s));
        }
    }

    private static int firstBadByte(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int i = 0;
        while (i < s.length() && alphabet.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i == s.length()) {
            // only a missing padding: Go reports the end of the last whole quantum
            return s.length() / 4 * 4;
        }
        return s.charAt(i) == '=' ? i / 4 * 4 + (i % 4 < 2 ? i % 4 : i % 4) : i;
    }

    /** Go's {@code strconv.Quote} for the ASCII text error messages quote. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException("strconv.ParseBool: parsing " + quote(s) + ": invalid syntax");
        };
    }

    private static long atoi(String s) {
        String digits = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("strconv.Atoi: parsing " + quote(s) + ": invalid syntax");
        }
        try {
            return Long.parseLong(s.startsWith("+") ? digits : s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strconv.Atoi: parsing " + quote(s) + ": value out of range");
        }
    }
}
