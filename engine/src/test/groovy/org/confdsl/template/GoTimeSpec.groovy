package org.confdsl.template

import java.time.ZoneId
import java.time.ZonedDateTime
import spock.lang.Specification
import spock.lang.Unroll

/** confd's datetime in Go templates: Go's time.Time printing and layouts (expected texts from Go 1.19's time.Format). */
class GoTimeSpec extends Specification {

    // 2026-03-07 09:05:04.12 in a zone named CET at +01:00, as time.Date(..., time.FixedZone("CET", 3600))
    static final GoTime T = new GoTime(ZonedDateTime.of(2026, 3, 7, 9, 5, 4, 120_000_000, ZoneId.of("CET")))

    @Unroll
    def "Format('#layout') == '#expected'"() {
        expect:
        T.Format(layout) == expected

        where:
        layout                         | expected
        '2006-01-02'                   | '2026-03-07'
        '2006-01-02T15:04:05Z07:00'    | '2026-03-07T09:05:04+01:00'
        'Mon Jan _2 15:04:05 MST 2006' | 'Sat Mar  7 09:05:04 CET 2026'
        '3:04PM'                       | '9:05AM'
        '02/01/06 15:04:05.000'        | '07/03/26 09:05:04.120'
        'January 2, 2006'              | 'March 7, 2026'
        '-0700'                        | '+0100'
    }

    def "it prints as Go prints a time, and reads as Go's methods"() {
        expect:
        T.toString() == '2026-03-07 09:05:04.12 +0100 CET'
        T.Year() == 2026
        T.Month() == 3
        T.Day() == 7
    }
}
