package org.confdsl.run

import java.time.Duration
import spock.lang.Specification

class RetryDelaysSpec extends Specification {

    def "a resource that keeps failing waits 1s, 2s, 4s ... and at most a minute"() {
        given:
        RetryDelays delays = new RetryDelays()

        expect:
        (1..9).collect { delays.failed('a').seconds } == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    }

    def "each resource has its own delay, and a success starts it again from one second"() {
        given:
        RetryDelays delays = new RetryDelays()
        3.times { delays.failed('a') }

        expect:
        delays.failed('b') == Duration.ofSeconds(1)
        delays.failed('a') == Duration.ofSeconds(8)

        when:
        delays.succeeded('a')

        then:
        delays.failed('a') == Duration.ofSeconds(1)
        delays.failed('b') == Duration.ofSeconds(2)
    }

    def "the resources waiting for a retry are counted until each succeeds"() {
        given:
        RetryDelays delays = new RetryDelays()

        expect:
        delays.waiting() == 0

        when:
        delays.failed('a')
        delays.failed('a')
        delays.failed('b')

        then:
        delays.waiting() == 2

        when:
        delays.succeeded('a')

        then:
        delays.waiting() == 1
    }
}
