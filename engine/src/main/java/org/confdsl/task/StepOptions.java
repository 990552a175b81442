package org.confdsl.task;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.confdsl.model.Durations;
import org.confdsl.model.TaskSteps;

/** The named options of one step ({@code timeout: '30s'}, {@code status: 204}), checked against the ones it takes. */
final class StepOptions {

    private final String word;
    private final Map<String, ?> options;

    StepOptions(String word, Map<String, ?> options, Set<String> allowed) {
        this.word = word;
        this.options = options;
        for (String key : options.keySet()) {
            if (!allowed.contains(key)) {
                throw new StepFailure(word + " has no option '" + key + "'; it takes " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    Duration timeout() {
        Object v = options.get("timeout");
        try {
            if (v instanceof Duration d) {
                return d;
            }
            if (v instanceof Number n) {
                return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
            }
            return Durations.parse(v == null ? TaskSteps.DEFAULT_TIMEOUT : String.valueOf(v));
        } catch (IllegalArgumentException e) {
            throw new StepFailure(word + " option timeout: " + e.getMessage());
        }
    }

    int integer(String name, int defaultValue) {
        Object v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new StepFailure(word + " option " + name + ": takes a number, not '" + v + "'");
        }
    }

    boolean flag(String name) {
        Object v = options.get(name);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        throw new StepFailure(word + " option " + name + ": takes true or false, not '" + v + "'");
    }

    Map<String, ?> raw() {
        return options;
    }
}
