package org.confdsl.run

import org.confdsl.model.Debounce
import spock.lang.Specification

import java.time.Duration

/** The edges of {@link Bursts}: exactly one quiet time apart, pending leading renders, retries meeting changes. */
class BurstsEdgesSpec extends Specification {

    static final long MS = 1_000_000L
    Debounce debounce = new Debounce(Duration.ofMillis(50), Duration.ofMillis(1000))
    Bursts bursts = new Bursts()

    def "a change #gap ms after the last one (rendered) is due at #due ms: leading edge only after a full quiet spell"() {
        given: 'a change at 100 ms, rendered at once'
        bursts.changed('a', debounce, 100 * MS)
        assert bursts.takeDue(100 * MS) == ['a']

        when:
        bursts.changed('a', debounce, (100 + gap) * MS)

        then:
        bursts.nextDue() == due * MS

        where:
        gap  || due
        1    || 151          // inside the quiet time: a burst, due when quiet for 50 ms
        20   || 170
        49   || 199
        50   || 150          // exactly the quiet time: a lone change again, due at once
        51   || 151
        400  || 500
    }

    def "changes while a leading render is still pending do not delay it"() {
        when:
        bursts.changed('a', debounce, 0)
        bursts.changed('a', debounce, 10 * MS)
        bursts.changed('a', debounce, 20 * MS)

        then:
        bursts.nextDue() == 0
        bursts.takeDue(0) == ['a']
        bursts.nextDue() == Long.MAX_VALUE
    }

    def "a change within the quiet time replaces a pending retry with a burst, not a leading render"() {
        given:
        bursts.changed('a', debounce, 0)
        bursts.takeDue(0)
        bursts.changed('a', debounce, 10 * MS)
        bursts.takeDue(60 * MS)
        bursts.retryAt('a', 1000 * MS)

        when:
        bursts.changed('a', debounce, 70 * MS)    // 60 ms after the last change: after quiet

        then:
        bursts.nextDue() == 70 * MS

        when:
        bursts.takeDue(70 * MS)
        bursts.retryAt('a', 1000 * MS)
        bursts.changed('a', debounce, 80 * MS)    // 10 ms after the last change: a burst

        then:
        bursts.nextDue() == 130 * MS
    }

    def "a retry does not replace a pending render, and the earliest of several resources is next"() {
        when:
        bursts.changed('a', debounce, 0)
        bursts.takeDue(0)
        bursts.changed('a', debounce, 10 * MS)     // burst due at 60 ms
        bursts.retryAt('a', 1000 * MS)
        bursts.retryAt('b', 40 * MS)

        then:
        bursts.nextDue() == 40 * MS
        bursts.takeDue(39 * MS) == []
        bursts.takeDue(40 * MS) == ['b']
        bursts.nextDue() == 60 * MS
        bursts.takeDue(60 * MS) == ['a']
    }
}
