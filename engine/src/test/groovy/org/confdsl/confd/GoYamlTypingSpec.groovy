package org.confdsl.confd

import org.confdsl.confd.internal.GoYamlKeys
import org.confdsl.confd.internal.GoYamlScalar
import org.confdsl.store.StoreException
import spock.lang.Specification
import spock.lang.Unroll

/**
 * confd's file backend types YAML with go-yaml v2 (YAML 1.1) and writes the values with Go's
 * strconv. Rows checked against confd itself (RECORDED.md: the functions fixture) and go-yaml v2's
 * resolve.go rules.
 */
class GoYamlTypingSpec extends Specification {

    @Unroll
    def "plain scalar '#text' is stored as #expected"() {
        expect:
        GoYamlScalar.plain(text) == Optional.ofNullable(expected)

        where:
        text          | expected
        'web'         | 'web'
        '8080'        | '8080'
        '0644'        | '420'        // octal
        '0x1F'        | '31'
        '0o17'        | '15'
        '0b101'       | '5'
        '+12'         | '12'
        '-1'          | '-1'
        '1_000'       | '1000'
        '08'          | '8'          // not octal, then a float
        '1.10'        | '1.1'
        '1.0'         | '1'
        '.5'          | '0.5'
        '1e3'         | '1000'
        '-2.5e-3'     | '-0.0025'
        '.inf'        | '+Inf'
        '-.Inf'       | '-Inf'
        '.nan'        | 'NaN'
        'yes'         | 'true'
        'Y'           | 'true'
        'on'          | 'true'
        'n'           | 'false'
        'OFF'         | 'false'
        'True'        | 'true'
        '~'           | null         // null: no key
        'null'        | null
        ''            | null
        '2001-12-14'  | '2001-12-14' // a timestamp keeps its text
        '1:20'        | '1:20'       // no base-60
        '18446744073709551615' | null // a uint64: confd has no case for it
        '99999999999999999999' | '100000000000000000000' // beyond uint64: a float
        '127.0.0.1:80'| '127.0.0.1:80'
    }

    def "a file flattens as confd's nodeWalk: lists as /0 /1, quoted scalars untyped, nulls dropped"() {
        given:
        Map<String, String> keys = new TreeMap<>()

        when:
        GoYamlKeys.parse('''\
app:
  port: 8080
  quoted: "yes"
  single: '0644'
  nothing:
  list: [a, 1.10, yes]
  servers:
    - host: one
  "a/b": split
''', 'keys.yaml', keys)

        then:
        keys == ['/app/port': '8080', '/app/quoted': 'yes', '/app/single': '0644', '/app/list/0': 'a',
                 '/app/list/1': '1.1', '/app/list/2': 'true', '/app/servers/0/host': 'one', '/app/a/b': 'split']
    }

    @Unroll
    def "a map key go-yaml reads as #kind is an error naming the line (confd panics on it)"() {
        when:
        GoYamlKeys.parse("app:\n  $key: x\n", 'keys.yaml', [:])

        then:
        StoreException e = thrown()
        e.message == "keys.yaml, line 2, column 3: map key '$key' is not a string to confd's YAML reader (confd stops with a panic on it); quote it"

        where:
        key   | kind
        'y'   | 'a boolean'
        'off' | 'a boolean'
        '1'   | 'an integer'
        '1.5' | 'a float'
    }

    def "a quoted key that looks like a boolean is text"() {
        given:
        Map<String, String> keys = [:]

        when:
        GoYamlKeys.parse("'y': x\n", 'keys.yaml', keys)

        then:
        keys == ['/y': 'x']
    }
}
