package org.confdsl.golang

import spock.lang.Specification
import spock.lang.Unroll

class GoStringsSpec extends Specification {

    @Unroll
    def "split('#s', '#sep') == #expected"() {
        expect:
        GoStrings.split(s, sep) == expected

        where:
        s          | sep  | expected
        'a,b,c'    | ','  | ['a', 'b', 'c']
        'a,b,'     | ','  | ['a', 'b', '']
        ''         | ','  | ['']
        'a::b'     | '::' | ['a', 'b']
        'ab'       | ''   | ['a', 'b']
        'x'        | ','  | ['x']
        'a\uD83D\uDE00b' | '' | ['a', '\uD83D\uDE00', 'b']
        ',a'       | ','  | ['', 'a']
    }

    @Unroll
    def "replace('#s', '#old', '#rep', #n) == '#expected'"() {
        expect:
        GoStrings.replace(s, old, rep, n) == expected

        where:
        s         | old  | rep  | n  | expected
        'aaa'     | 'a'  | 'b'  | -1 | 'bbb'
        'aaa'     | 'a'  | 'b'  | 2  | 'bba'
        'aaa'     | 'a'  | 'b'  | 0  | 'aaa'
        'aaaa'    | 'aa' | 'b'  | -1 | 'bb'
        'abc'     | ''   | '-'  | -1 | '-a-b-c-'
        'abc'     | ''   | '-'  | 2  | '-a-bc'
        ''        | ''   | '-'  | -1 | '-'
        'abc'     | 'x'  | 'y'  | -1 | 'abc'
        'a\uD83D\uDE00' | '' | '-' | -1 | '-a-\uD83D\uDE00-'
        'abab'    | 'ab' | 'ab' | -1 | 'abab'
        'a-b-c'   | '-'  | ''   | 1  | 'ab-c'
    }
}
