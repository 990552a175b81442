package org.confdsl.template.internal

import spock.lang.Specification
import spock.lang.Unroll

class JsonSpec extends Specification {

    def "objects become maps sorted by key, with typed values"() {
        when:
        def value = Json.parse('{"b": [1, -2.5e1, true, false, null], "a": {"x": "y\\n\\u00e9\\/"}, "big": 123456789012345678901}')

        then:
        value instanceof TreeMap
        value.keySet() as List == ['a', 'b', 'big']
        value.a.x == 'y\né/'
        value.b == [1L, -25.0G, true, false, null]
        value.b[0] instanceof Long
        value.b[1] instanceof BigDecimal
        value.big == 123456789012345678901G
    }

    @Unroll
    def "'#text' is rejected: #problem"() {
        when:
        Json.parse(text)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(problem)

        where:
        text          | problem
        ''            | 'unexpected end of JSON input'
        '{"a" 1}'     | "expected ':'"
        '{"a": 1,}'   | 'expected a string key'
        '[1 2]'       | "expected ']'"
        '01'          | 'unexpected text after the JSON value'
        '"abc'        | 'unterminated string'
        'nul'         | 'unexpected word'
        '{"a": 1} x'  | 'unexpected text after the JSON value'
        '"\\x"'       | "bad escape '\\x'"
    }
}
