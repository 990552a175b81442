package org.confdsl.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.confdsl.model.ValueRule;
import org.confdsl.golang.GoPath;

/**
 * The checks a value passes before a template may print it: the resource's {@code validate}
 * rules and a function's own {@code match:}. A value that fails makes the render fail with a
 * message that names the key and the pattern, never the value (it may be an attacker's text, or
 * a secret). Whoever can write the keys can otherwise shape the rendered config at will.
 */
public final class ValueRules {

    /** No rule: every value passes. */
    public static final ValueRules NONE = new ValueRules(List.of());

    private record Compiled(ValueRule rule, Pattern glob) {
    }

    private final List<Compiled> rules;

    /** @param rules the resource's rules, globs relative to its prefix */
    public ValueRules(List<ValueRule> rules) {
        List<Compiled> compiled = new ArrayList<>();
        for (ValueRule r : rules) {
            try {
                compiled.add(new Compiled(r, GoPath.glob(r.glob())));
            } catch (IllegalArgumentException e) {
                throw new TemplateFunctionException(r.describe() + ": " + e.getMessage(), e);
            }
        }
        this.rules = List.copyOf(compiled);
    }

    /**
     * Checks {@code value} of {@code relativeKey} against every rule whose glob matches the key or
     * one of its parent directories.
     *
     * @param absoluteKey the key as the store names it, for the message
     * @throws TemplateFunctionException naming the key and the rule
     */
    public void check(String relativeKey, String absoluteKey, String value) {
        for (Compiled c : rules) {
            if (covers(c.glob(), relativeKey) && !c.rule().pattern().matcher(value).matches()) {
                throw new TemplateFunctionException(mismatch(absoluteKey, c.rule().pattern())
                        + " (" + c.rule().describe() + " of the resource); correct the key in the store, or the rule if the value is right");
            }
        }
    }

    /**
     * Checks {@code value} against a function's {@code match:}.
     *
     * @throws TemplateFunctionException naming the key and the pattern
     */
    public static void require(String absoluteKey, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw new TemplateFunctionException(mismatch(absoluteKey, pattern)
                    + "; correct the key in the store, or the pattern if the value is right");
        }
    }

    /**
     * A {@code match:} option as a pattern: a {@link Pattern} ({@code ~/.../}) or a string holding a regular expression.
     *
     * @throws TemplateFunctionException when it is neither, or does not compile
     */
    public static Pattern pattern(Object match) {
        if (match instanceof Pattern p) {
            return p;
        }
        if (match instanceof CharSequence s) {
            try {
                return Pattern.compile(s.toString());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new TemplateFunctionException("match: is not a regular expression: " + e.getDescription()
                        + " near index " + e.getIndex(), e);
            }
        }
        throw new TemplateFunctionException("match: takes a regular expression, e.g. match: /^[\\w.-]+:\\d+$/");
    }

    private static boolean covers(Pattern glob, String key) {
        for (String k = key; !k.isEmpty(); k = k.substring(0, Math.max(0, k.lastIndexOf('/')))) {
            if (glob.matcher(k).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String mismatch(String absoluteKey, Pattern pattern) {
        return "value of " + absoluteKey + " does not match /" + pattern.pattern() + "/";
    }
}
