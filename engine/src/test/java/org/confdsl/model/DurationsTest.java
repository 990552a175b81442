package org.confdsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's duration syntax, as confd and consul-template users write it. */
class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "10s, PT10S",
        "1m30s, PT1M30S",
        "2h, PT2H",
        "1h30m, PT1H30M",
        "1.5h, PT1H30M",
        "2h45m10s500ms, PT2H45M10.5S",
        "250us, PT0.00025S",
        "250µs, PT0.00025S",
        "10ns, PT0.00000001S",
        "0, PT0S",
    })
    void readsGoDurations(String text, String iso) {
        assertEquals(Duration.parse(iso), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 s", "5", "1m 30s", "-1s", "1d", "h", "", "1.5.2s"})
    void rejectsWhatGoRejectsNamingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "' is not a duration"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3000000h", "99999999999999999999ns", "2562047h47m16s854775808ns", "1.5e3s", "3000000.5h"})
    void refusesWhatALongCannotHoldNamingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().startsWith("'" + text + "' is not a duration"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"PT1M30S, 1m30s", "PT2H, 2h", "PT1.5S, 1s500ms", "PT0S, 0ms", "PT10M, 10m", "PT0.05S, 50ms"})
    void formatsAsItReads(String iso, String text) {
        assertEquals(text, Durations.format(Duration.parse(iso)));
        assertEquals(Duration.parse(iso), Durations.parse(text));
    }
}
