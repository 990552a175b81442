package org.confdsl.dsl.internal

import spock.lang.Specification

/** The octal string suggested for a mode written as a number. */
class NumericModeCheckSpec extends Specification {

    def "mode #written (value #value) suggests '#hint'"() {
        expect:
        NumericModeCheck.hint(written, value) == hint

        where:
        written  | value || hint
        '0644'   | 420   || '0644'
        '644'    | 644   || '0644'
        '00755'  | 493   || '0755'
        '999'    | 999   || '01747'
        '4095'   | 4095  || '07777'
        '4096'   | 4096  || '0644'
        '0x1A4'  | 420   || '0644'
        '0x0'    | 0     || '00'
        '-1'     | -1    || '0644'
    }
}
