package org.confdsl.dsl;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.confdsl.dsl.internal.DslProblem;
import org.confdsl.model.Debounce;
import org.confdsl.model.Durations;
import org.confdsl.model.Sizes;

/**
 * The words a {@code defaults} block and a {@code resource} block share: how the destination
 * file is owned, how long its commands may run, how long a burst of changes may delay it, and
 * how long and large its render may be.
 */
public abstract class FileSettingsSpec {

    private static final Pattern OCTAL_MODE = Pattern.compile("0?[0-7]{3,4}");

    OptionalInt modeValue = OptionalInt.empty();
    Optional<String> ownerValue = Optional.empty();
    Optional<String> groupValue = Optional.empty();
    Optional<Duration> timeoutValue = Optional.empty();
    Optional<Boolean> mkdirsValue = Optional.empty();
    Optional<Debounce> waitValue = Optional.empty();
    Optional<Duration> renderTimeoutValue = Optional.empty();
    Optional<Long> renderMaxSizeValue = Optional.empty();

    /**
     * The destination's permission bits, in octal as a string: {@code mode '0644'}.
     * Without it a file keeps its current mode, and a new file gets 0644.
     */
    public void mode(String octal) {
        if (!OCTAL_MODE.matcher(octal).matches()) {
            throw new DslProblem("mode '" + octal + "' is not an octal file mode; write e.g. mode '0644'");
        }
        this.modeValue = OptionalInt.of(Integer.parseInt(octal, 8));
    }

    /**
     * Rejects a number: {@code mode 0644} is octal to Groovy and {@code mode 644} decimal. A number
     * written in the script is refused when it is compiled, naming the digits as written; one that
     * arrives here came from a variable, most likely an octal literal.
     */
    public void mode(int number) {
        String hint = number >= 0 && number <= 07777 ? "0" + Integer.toOctalString(number) : "0644";
        throw new DslProblem("mode " + number + " is a number; write the octal mode as a string: mode '" + hint + "'");
    }

    /** The destination's owner, a user name or numeric id. Without it a file keeps its current owner. */
    public void owner(String user) {
        this.ownerValue = Optional.of(nonBlank("owner", user));
    }

    /** The destination's group, a group name or numeric id. Without it a file keeps its current group. */
    public void group(String name) {
        this.groupValue = Optional.of(nonBlank("group", name));
    }

    /** How long a check or reload command may run before it is killed: {@code timeout '30s'}. Default 60s. */
    public void timeout(String duration) {
        this.timeoutValue = Optional.of(parseDuration(duration));
    }

    /**
     * How long one render of the template may run: {@code renderTimeout '5s'}. A render that runs
     * longer is stopped and fails its resource only. Default 5s.
     */
    public void renderTimeout(String duration) {
        Duration d = parseDuration(duration);
        if (d.isZero()) {
            throw new DslProblem("renderTimeout '" + duration + "' must be longer than zero; write e.g. renderTimeout '5s'");
        }
        this.renderTimeoutValue = Optional.of(d);
    }

    /**
     * How large one render may grow: {@code renderMaxSize '16MB'} (also KB, GB, or bytes). A larger
     * render is stopped and fails its resource only. Default 16MB.
     */
    public void renderMaxSize(String size) {
        long bytes;
        try {
            bytes = Sizes.parse(size);
        } catch (IllegalArgumentException e) {
            throw new DslProblem("renderMaxSize " + e.getMessage());
        }
        if (bytes <= 0) {
            throw new DslProblem("renderMaxSize '" + size + "' must be larger than zero; write e.g. renderMaxSize '16MB'");
        }
        this.renderMaxSizeValue = Optional.of(bytes);
    }

    /** Whether missing directories above the destination are created. Default false. */
    public void mkdirs(boolean create) {
        this.mkdirsValue = Optional.of(create);
    }

    /**
     * In watch mode, how long a burst of changes may delay a render: render once no change came
     * for {@code quiet}, and at the latest {@code max} after the first change. Default: no window,
     * a change renders as soon as the resource's previous render, check and reload are done.
     */
    public void wait(String quiet, String max) {
        Duration q = parseDuration(quiet);
        Duration m = parseDuration(max);
        if (m.compareTo(q) < 0) {
            throw new DslProblem("wait '" + quiet + "', '" + max + "': the maximum must not be shorter than the quiet time");
        }
        this.waitValue = Optional.of(new Debounce(q, m));
    }

    /** {@code wait '200ms'}: quiet 200ms, at most four times that, as consul-template does. */
    public void wait(String quiet) {
        Duration q = parseDuration(quiet);
        this.waitValue = Optional.of(new Debounce(q, q.multipliedBy(4)));
    }

    static Duration parseDuration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DslProblem(e.getMessage());
        }
    }

    static String nonBlank(String word, String value) {
        if (value == null || value.isBlank()) {
            throw new DslProblem(word + " needs a value, e.g. " + word + " 'nginx'");
        }
        return value;
    }
}
