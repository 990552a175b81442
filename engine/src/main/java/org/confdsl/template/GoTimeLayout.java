package org.confdsl.template;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Go's reference-time layouts ({@code 2006-01-02 15:04:05}) applied to a Java time. */
final class GoTimeLayout {

    private static final String[][] ELEMENTS = {
        {"2006", "yyyy"}, {"January", "MMMM"}, {"Jan", "MMM"}, {"Monday", "EEEE"}, {"Mon", "EEE"},
        {"MST", "zzz"}, {"-07:00", "xxx"}, {"-0700", "xx"}, {"Z07:00", "XXX"}, {"01", "MM"}, {"02", "dd"},
        {"15", "HH"}, {"03", "hh"}, {"04", "mm"}, {"05", "ss"}, {"06", "yy"}, {"PM", "a"},
        {".000000000", ".SSSSSSSSS"}, {".000000", ".SSSSSS"}, {".000", ".SSS"},
        {"_2", "ppd"}, {"1", "M"}, {"2", "d"}, {"3", "h"}, {"4", "m"}, {"5", "s"},
    };

    private GoTimeLayout() {
    }

    static String format(ZonedDateTime time, String layout) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < layout.length()) {
            for (String[] e : ELEMENTS) {
                if (layout.startsWith(e[0], i)) {
                    if (e[0].equals("Jan") || e[0].equals("January")) {
                        out.append(time.getMonth().getDisplayName(e[0].length() == 3 ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH));
                    } else {
                        out.append(time.format(DateTimeFormatter.ofPattern(e[1], Locale.ENGLISH)));
                    }
                    i += e[0].length();
                    continue outer;
                }
            }
            out.append(layout.charAt(i++));
        }
        return out.toString();
    }
}
