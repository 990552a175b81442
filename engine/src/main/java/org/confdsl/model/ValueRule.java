package org.confdsl.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A resource's {@code validate '/upstream/*', ~/^[\w.-]+:\d+$/}: every value the template reads
 * from a key that the glob matches (or that lies below a key it matches) must match the pattern
 * as a whole, or the render fails naming the key, never the value.
 *
 * @param glob relative to the resource prefix, Go's {@code path.Match} syntax ({@code *} never crosses {@code /})
 * @param pattern what each value must match, entirely
 */
public record ValueRule(String glob, Pattern pattern) {

    public ValueRule {
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** How the rule reads in the script, for messages. */
    public String describe() {
        return "validate '" + glob + "', /" + pattern.pattern() + "/";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueRule r && r.glob.equals(glob) && r.pattern.pattern().equals(pattern.pattern())
                && r.pattern.flags() == pattern.flags();
    }

    @Override
    public int hashCode() {
        return Objects.hash(glob, pattern.pattern(), pattern.flags());
    }
}
