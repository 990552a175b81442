package org.confdsl.store

import spock.lang.Specification

class KeyPrefixSpec extends Specification {

    def "prefix #prefix covers #key: #expected"() {
        expect:
        KeyPrefix.covers(prefix, key) == expected

        where:
        prefix   | key           || expected
        '/app'   | '/app'        || true
        '/app'   | '/app/x'      || true
        '/app'   | '/app/x/y'    || true
        '/app'   | '/apple'      || false
        '/app/'  | '/app/x'      || true
        '/app/'  | '/apple'      || false
        '/'      | '/anything'   || true
        ''       | '/anything'   || true
        '/a/b'   | '/a'          || false
    }

    def "any of several prefixes"() {
        expect:
        KeyPrefix.coveredByAny(['/x', '/app'], '/app/1')
        !KeyPrefix.coveredByAny(['/x', '/app'], '/apple')
    }
}
