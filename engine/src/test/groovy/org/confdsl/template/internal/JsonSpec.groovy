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

    def "'#text' parses to #value (#type.simpleName)"() {
        when:
        def parsed = Json.parse(text)

        then:
        parsed == value
        type == Void || type.isInstance(parsed)

        where:
        text                               || value                                  | type
        ' {} '                             || [:]                                    | TreeMap
        '{ }'                              || [:]                                    | TreeMap
        '[]'                               || []                                     | List
        '[ ]'                              || []                                     | List
        '\t\r\n[1]\n'                      || [1L]                                   | List
        '{"b":1,"a":[true,null]}'          || [a: [true, null], b: 1L]               | TreeMap
        '{ "a" : 1 , "b" : [ 1 , 2 ] }'    || [a: 1L, b: [1L, 2L]]                   | TreeMap
        '"a b"'                            || 'a b'                                  | String
        '"\\b\\f\\n\\r\\t\\"\\\\\\/"'      || '\b\f\n\r\t"\\/'                       | String
        '"\\u0041\\u00e9"'                 || 'A\u00e9'                              | String
        '0'                                || 0L                                     | Long
        '-0'                               || 0L                                     | Long
        '9'                                || 9L                                     | Long
        '90'                               || 90L                                    | Long
        '-12'                              || -12L                                   | Long
        '9223372036854775807'              || Long.MAX_VALUE                         | Long
        '-9223372036854775808'             || Long.MIN_VALUE                         | Long
        '9223372036854775808'              || 9223372036854775808G                   | BigInteger
        '1.5e+2'                           || 150.0G                                 | BigDecimal
        '2E-1'                             || 0.2G                                   | BigDecimal
        '3e2'                              || 300G                                   | BigDecimal
        'true'                             || true                                   | Boolean
        'false'                            || false                                  | Boolean
        'null'                             || null                                   | Void
    }

    def "'#text' is refused with the offset of the first error: #message"() {
        when:
        Json.parse(text)

        then:
        IllegalArgumentException e = thrown()
        e.message == 'invalid JSON at offset ' + message

        where:
        text              || message
        ''                || '0: unexpected end of JSON input'
        '   '             || '3: unexpected end of JSON input'
        '['               || '1: unexpected end of JSON input'
        '{'               || '1: expected a string key'
        '[1'              || "2: expected ']'"
        '[1,]'            || "3: unexpected character ']'"
        '{"a" 1}'         || "5: expected ':'"
        '{"a": 1,}'       || '8: expected a string key'
        '{"a": 1 "b": 2}' || "8: expected '}'"
        '[1 2]'           || "3: expected ']'"
        '01'              || '1: unexpected text after the JSON value'
        '1:'              || '1: unexpected text after the JSON value'
        'x'               || "0: unexpected character 'x'"
        '/'               || "0: unexpected character '/'"
        'nul'             || '0: unexpected word'
        'tru'             || '0: unexpected word'
        'fals'            || '0: unexpected word'
        '"abc'            || '4: unterminated string'
        '"abc\\'          || '5: unterminated string'
        '"\\x"'           || "3: bad escape '\\x'"
        '"\\u12"'         || '3: short \\u escape'
        '"\\u0041'        || '7: unterminated string'
        '"\\u12zz"'       || '3: bad \\u escape'
        '"a\u0001"'       || '3: control character in string'
        '-'               || '1: bad number'
        '-a'              || '1: bad number'
        '1.'              || '2: bad number'
        '1.e5'            || '2: bad number'
        '1e'              || '2: bad number'
        '1e+'             || '3: bad number'
    }
}
