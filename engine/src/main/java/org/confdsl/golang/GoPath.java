package org.confdsl.golang;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go's {@code path} package for slash-separated keys: Clean, Base, Dir and Match. Keys in a store
 * are paths, and confd templates rely on these exact semantics (for instance {@code *} never
 * crosses a {@code /} in a glob).
 */
public final class GoPath {

    private GoPath() {
    }

    /** Go's {@code path.Clean}: the shortest equivalent path; {@code ""} becomes {@code "."}. */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!rooted) {
                    parts.add(part);
                }
                continue;
            }
            parts.add(part);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Go's {@code path.Base}: the last element; {@code ""} becomes {@code "."}, only slashes become {@code "/"}. */
    public static String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return "/";
        }
        String trimmed = path.substring(0, end);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** Go's {@code path.Dir}: everything but the last element, cleaned; {@code "a"} becomes {@code "."}. */
    public static String dir(String path) {
        return clean(path.substring(0, path.lastIndexOf('/') + 1));
    }

    /**
     * Compiles a Go {@code path.Match} pattern: {@code *} is any run of non-{@code /} characters,
     * {@code ?} one non-{@code /} character, {@code [...]} a class ({@code [^...]} negated, ranges
     * {@code a-z}), and {@code \} quotes the next character.
     *
     * @throws IllegalArgumentException if the pattern is malformed (Go's ErrBadPattern)
     */
    public static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> {
                    re.append("[^/]*");
                    i++;
                }
                case '?' -> {
                    re.append("[^/]");
                    i++;
                }
                case '[' -> i = classInto(pattern, i + 1, re);
                case '\\' -> {
                    if (i + 1 >= n) {
                        throw badPattern(pattern);
                    }
                    re.append(quote(pattern.charAt(i + 1)));
                    i += 2;
                }
                default -> {
                    re.append(quote(c));
                    i++;
                }
            }
        }
        try {
            return Pattern.compile(re.toString(), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            // a reversed range such as [z-a]
            throw badPattern(pattern);
        }
    }

    /** The part of {@code pattern} before its first special character, to narrow a sorted scan. */
    public static String literalPrefix(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if ("*?[\\".indexOf(pattern.charAt(i)) >= 0) {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }

    private static int classInto(String pattern, int start, StringBuilder re) {
        int i = start;
        int n = pattern.length();
        re.append('[');
        if (i < n && pattern.charAt(i) == '^') {
            re.append('^');
            i++;
        }
        boolean empty = true;
        while (true) {
            if (i >= n) {
                throw badPattern(pattern);
            }
            char c = pattern.charAt(i);
            if (c == ']' && !empty) {
                re.append(']');
                return i + 1;
            }
            if (c == ']' || c == '-') {
                throw badPattern(pattern);
            }
            char lo = c;
            i++;
            if (lo == '\\') {
                if (i >= n) {
                    throw badPattern(pattern);
                }
                lo = pattern.charAt(i++);
            }
            re.append(quote(lo));
            if (i < n && pattern.charAt(i) == '-') {
                i++;
                if (i >= n || pattern.charAt(i) == ']') {
                    throw badPattern(pattern);
                }
                char hi = pattern.charAt(i++);
                if (hi == '\\') {
                    if (i >= n) {
                        throw badPattern(pattern);
                    }
                    hi = pattern.charAt(i++);
                }
                re.append('-').append(quote(hi));
            }
            empty = false;
        }
    }

    private static String quote(char c) {
        return String.format("\\x{%x}", (int) c);
    }

    private static IllegalArgumentException badPattern(String pattern) {
        return new IllegalArgumentException("syntax error in pattern '" + pattern + "'");
    }
}
