package org.confdsl.template;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What confd's {@code datetime} gives a Go template: Go's {@code time.Time}. It prints as Go prints a
 * time ({@code 2006-01-02 15:04:05.999999999 -0700 MST}); its fields read as Go's methods
 * ({@code .Year}, {@code .Unix}, ...); {@link #Format(String)} takes a Go layout.
 *
 * @param time the instant in the local zone
 */
public record GoTime(ZonedDateTime time) {

    /** Go's {@code Time.Year()}. */
    public long Year() {
        return time.getYear();
    }

    /** Go's {@code Time.Month()} as a number. */
    public long Month() {
        return time.getMonthValue();
    }

    /** Go's {@code Time.Day()}. */
    public long Day() {
        return time.getDayOfMonth();
    }

    /** Go's {@code Time.Hour()}. */
    public long Hour() {
        return time.getHour();
    }

    /** Go's {@code Time.Minute()}. */
    public long Minute() {
        return time.getMinute();
    }

    /** Go's {@code Time.Second()}. */
    public long Second() {
        return time.getSecond();
    }

    /** Go's {@code Time.Unix()}: seconds since 1970. */
    public long Unix() {
        return time.toEpochSecond();
    }

    /** Go's {@code Time.Format(layout)} for the layout elements config files use. */
    public String Format(String layout) {
        return GoTimeLayout.format(time, layout);
    }

    @Override
    public String toString() {
        String nanos = time.getNano() == 0 ? "" : ("." + String.format(Locale.ROOT, "%09d", time.getNano())).replaceAll("0+$", "");
        return time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)) + nanos
                + " " + time.format(DateTimeFormatter.ofPattern("xx", Locale.ROOT))
                + " " + time.format(DateTimeFormatter.ofPattern("zzz", Locale.ROOT));
    }
}
