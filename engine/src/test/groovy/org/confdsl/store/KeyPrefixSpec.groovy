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

    def "select copies exactly the covered keys of #prefixes"() {
        given:
        def all = new TreeMap(['/app': 'r', '/app/a': '1', '/app/b/c': '2', '/app-x': 'no', '/apple/x': '3', '/other': '4'])

        expect:
        KeyPrefix.select(all, prefixes).keySet() as List == keys
        KeyPrefix.below(all, '/app').keySet() as List == ['/app/a', '/app/b/c']

        where:
        prefixes              || keys
        ['/app']              || ['/app', '/app/a', '/app/b/c']
        ['/apple', '/other']  || ['/apple/x', '/other']
        ['/other', '/app/b']  || ['/app/b/c', '/other']
        ['/']                 || ['/app', '/app-x', '/app/a', '/app/b/c', '/apple/x', '/other']
        ['/none']             || []
    }
}
