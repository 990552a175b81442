package org.confdsl.golang

import spock.lang.Specification
import spock.lang.Unroll

/** Rows taken from the behaviour of Go's path package. */
class GoPathSpec extends Specification {

    @Unroll
    def "clean('#path') == '#expected'"() {
        expect:
        GoPath.clean(path) == expected

        where:
        path           | expected
        ''             | '.'
        '/'            | '/'
        '//a//b/'      | '/a/b'
        '/a/./b/../c'  | '/a/c'
        '/../a'        | '/a'
        'a/../..'      | '..'
        'a/b/..'       | 'a'
    }

    @Unroll
    def "base('#path') == '#b' and dir('#path') == '#d'"() {
        expect:
        GoPath.base(path) == b
        GoPath.dir(path) == d

        where:
        path        | b     | d
        '/a/b'      | 'b'   | '/a'
        '/a/b/'     | 'b'   | '/a/b'
        '/a'        | 'a'   | '/'
        '/'         | '/'   | '/'
        'a'         | 'a'   | '.'
        ''          | '.'   | '.'
        '///'       | '/'   | '/'
    }

    @Unroll
    def "glob '#pattern' #verb '#name'"() {
        expect:
        GoPath.glob(pattern).matcher(name).matches() == matches

        where:
        pattern         | name           | matches
        '/upstream/*'   | '/upstream/a'  | true
        '/upstream/*'   | '/upstream/'   | true
        '/upstream/*'   | '/upstream/a/b'| false
        '/*/a'          | '/x/a'         | true
        '/*'            | '/x/a'         | false
        '/a?c'          | '/abc'         | true
        '/a?c'          | '/a/c'         | false
        '/[a-c]x'       | '/bx'          | true
        '/[a-c]x'       | '/dx'          | false
        '/[^a-c]x'      | '/dx'          | true
        '/[^a-c]x'      | '/ax'          | false
        '/[\\]]'        | '/]'           | true
        '/\\*'          | '/*'           | true
        '/\\*'          | '/a'           | false
        '/a.b'          | '/axb'         | false
        '/(a)+'         | '/(a)+'        | true
        '/é*'           | '/éa'          | true
        verb = matches ? 'matches' : 'does not match'
    }

    @Unroll
    def "bad pattern '#pattern' is rejected"() {
        when:
        GoPath.glob(pattern)

        then:
        IllegalArgumentException e = thrown()
        e.message == "syntax error in pattern '$pattern'"

        where:
        pattern << ['/[', '/[]', '/[a-', '/[z-a]', '/a\\', '/[-a]', '/[^]', '/[a-]', '/[\\', '/[a-\\', '/[a', '/[a-c']
    }

    def "the literal prefix stops at the first special character"() {
        expect:
        GoPath.literalPrefix('/upstream/*') == '/upstream/'
        GoPath.literalPrefix('/a?b') == '/a'
        GoPath.literalPrefix('/a[b]') == '/a'
        GoPath.literalPrefix('/a\\*') == '/a'
        GoPath.literalPrefix('/plain') == '/plain'
    }

    @Unroll
    def "more of Go's path.Clean: clean('#path') == '#expected'"() {
        expect:
        GoPath.clean(path) == expected

        where:
        path          | expected
        '.'           | '.'
        'a/./b'       | 'a/b'
        'a//b'        | 'a/b'
        'a/..'        | '.'
        '/a/..'       | '/'
        '../a'        | '../a'
        '../../a'     | '../../a'
        'a/../../b'   | '../b'
        '/a/b/../../..' | '/'
    }

    @Unroll
    def "character classes: glob '#pattern' #verb '#name'"() {
        expect:
        GoPath.glob(pattern).matcher(name).matches() == matches

        where:
        pattern         | name     | matches
        '/[ab]x'        | '/bx'    | true
        '/[ab]x'        | '/cx'    | false
        '/[\\a-c]x'   | '/bx'    | true
        '/[a-\\c]x'   | '/cx'    | true
        '/[a-\\c]x'   | '/dx'    | false
        '/[^a]'         | '/b'     | true
        '/[^a]'         | '/a'     | false
        '/?'            | '/é'     | true
        '/?'            | '//'     | false
        verb = matches ? 'matches' : 'does not match'
    }

    def "a pattern that starts with a special character has no literal prefix"() {
        expect:
        GoPath.literalPrefix('*') == ''
        GoPath.literalPrefix('') == ''
        GoPath.literalPrefix('?a') == ''
    }
}
