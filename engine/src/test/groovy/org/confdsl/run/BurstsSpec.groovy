package org.confdsl.run

import org.confdsl.model.Debounce
import spock.lang.Specification

import java.time.Duration

class BurstsSpec extends Specification {

    static final long MS = 1_000_000L
    Debounce debounce = new Debounce(Duration.ofMillis(50), Duration.ofMillis(1000))
    Bursts bursts = new Bursts()

    def "a lone change is due at once"() {
        when:
        bursts.changed('a', debounce, 100 * MS)

        then:
        bursts.nextDue() == 100 * MS
        bursts.takeDue(100 * MS) == ['a']
        bursts.nextDue() == Long.MAX_VALUE
    }

    def "changes right after a render form a burst, due when it has been quiet for 50 ms"() {
        given:
        bursts.changed('a', debounce, 0)
        bursts.takeDue(0)

        when:
        bursts.changed('a', debounce, 10 * MS)
        bursts.changed('a', debounce, 30 * MS)

        then:
        bursts.takeDue(79 * MS) == []
        bursts.takeDue(80 * MS) == ['a']
    }

    def "a burst that never settles is rendered at its maximum"() {
        given:
        bursts.changed('a', debounce, 0)
        bursts.takeDue(0)

        when:
        (1..200).each { bursts.changed('a', debounce, it * 10 * MS) }   // a change every 10 ms for 2 s

        then:
        bursts.nextDue() == 1010 * MS
    }

    def "a burst of any size costs two renders: the leading one and the settled one"() {
        given:
        int renders = 0

        when:
        (0..<500).each { i ->
            bursts.changed('a', debounce, i * 100_000L)  // 500 changes, 0.1 ms apart
            renders += bursts.takeDue(i * 100_000L).size()
        }
        renders += bursts.takeDue(10_000 * MS).size()

        then:
        renders == 2
    }

    def "without a wait (the default), a change right after a render is due at once: no quiet window"() {
        given:
        bursts.changed('a', Debounce.DEFAULT, 0)
        bursts.takeDue(0)

        when:
        bursts.changed('a', Debounce.DEFAULT, 10 * MS)

        then:
        bursts.nextDue() == 10 * MS
        bursts.takeDue(10 * MS) == ['a']
    }

    def "without a wait, changes while a render runs are collected into one pending render"() {
        given:
        bursts.changed('a', Debounce.DEFAULT, 0)
        bursts.takeDue(0)                                  // the render starts

        when:
        (1..100).each { bursts.changed('a', Debounce.DEFAULT, it * 10_000L) }   // 100 changes during it

        then:
        bursts.takeDue(2 * MS) == ['a']                    // one render when it finishes
        bursts.takeDue(Long.MAX_VALUE) == []
    }

    def "a retry is due at its time, and a change brings it sooner"() {
        when:
        bursts.changed('a', debounce, 0)
        bursts.takeDue(0)
        bursts.retryAt('a', 1000 * MS)

        then:
        bursts.nextDue() == 1000 * MS

        when:
        bursts.changed('a', debounce, 500 * MS)

        then:
        bursts.takeDue(500 * MS) == ['a']
    }

    def "resources are independent, and clear forgets everything"() {
        when:
        bursts.changed('a', debounce, 0)
        bursts.changed('b', debounce, 5 * MS)

        then:
        bursts.takeDue(0) == ['a']

        when:
        bursts.clear()

        then:
        bursts.takeDue(Long.MAX_VALUE) == []
    }
}
