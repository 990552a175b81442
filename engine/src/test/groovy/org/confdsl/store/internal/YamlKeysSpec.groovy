package org.confdsl.store.internal

import org.confdsl.store.StoreException
import spock.lang.Specification

class YamlKeysSpec extends Specification {

    private static Map<String, String> yaml(String text) {
        YamlKeys.parse(text, false, 'keys.yaml')
    }

    def "nested maps become /a/b keys"() {
        expect:
        yaml('''\
            app:
              db:
                host: db1
                port: 5432
              name: shop
            top: x
            '''.stripIndent()) == ['/app/db/host': 'db1', '/app/db/port': '5432', '/app/name': 'shop', '/top': 'x']
    }

    def "list items become /list/0, /list/1, including maps inside lists"() {
        expect:
        yaml('''\
            upstream: [a:80, b:80]
            servers:
              - host: h1
                port: 1
              - host: h2
            '''.stripIndent()) == ['/upstream/0': 'a:80', '/upstream/1': 'b:80',
                                   '/servers/0/host': 'h1', '/servers/0/port': '1', '/servers/1/host': 'h2']
    }

    def "scalar #text keeps its text as written: '#expected'"() {
        expect:
        yaml("v: $text\n") == ['/v': expected]

        where:
        text            || expected
        '8080'          || '8080'
        'yes'           || 'yes'
        'on'            || 'on'
        '010'           || '010'
        '0x1F'          || '0x1F'
        '1.50'          || '1.50'
        '1e3'           || '1e3'
        '~'             || '~'
        'null'          || 'null'
        ''              || ''
        '"quoted: 1"'   || 'quoted: 1'
        "'single'"      || 'single'
        '2024-01-01'    || '2024-01-01'
        '!!int 7'       || '7'
        '"a\\tb"'       || 'a\tb'
    }

    def "block scalars keep their lines"() {
        expect:
        yaml('cert: |\n  line1\n  line2\n') == ['/cert': 'line1\nline2\n']
    }

    def "map keys with slashes split into segments, empty segments vanish"() {
        expect:
        yaml('"a/b": 1\nc:\n  "/d//e/": 2\n') == ['/a/b': '1', '/c/d/e': '2']
    }

    def "merge keys merge, explicit keys win"() {
        expect:
        yaml('base: &b {x: 1, y: 2}\nprod:\n  <<: *b\n  y: 3\n') ==
                ['/base/x': '1', '/base/y': '2', '/prod/x': '1', '/prod/y': '3']
    }

    def "empty maps, empty lists and an empty document have no keys"() {
        expect:
        yaml('a: {}\nb: []\nc: 1\n') == ['/c': '1']
        yaml('') == [:]
        yaml('# nothing yet\n') == [:]
    }

    def "JSON is read the same way, tabs and all"() {
        expect:
        YamlKeys.parse('{\n\t"app": {"port": 8080, "tls": true, "ratio": 1.50, "none": null,\n\t"list": [1, "two"]}\n}',
                true, 'keys.json') ==
                ['/app/port': '8080', '/app/tls': 'true', '/app/ratio': '1.50', '/app/none': 'null',
                 '/app/list/0': '1', '/app/list/1': 'two']
    }

    def "a syntax error names the source, line and column: #why"() {
        when:
        yaml(text)

        then:
        StoreException e = thrown()
        e.message.startsWith(expected)

        where:
        why                  | text                                    || expected
        'bad mapping'        | 'a: 1\nb:\n  c: 2\n  d: e: f\n'         || 'keys.yaml, line 4, column 7: mapping values are not allowed here'
        'unclosed flow'      | 'a: [1, 2\nb: 3\n'                      || "keys.yaml, line 2, column 2: expected ',' or ']'"
        'top level list'     | '- a\n- b\n'                            || 'keys.yaml, line 1, column 1: the top level must be a map'
        'top level scalar'   | 'hello\n'                               || 'keys.yaml, line 1, column 1: the top level must be a map'
        'duplicate key'      | 'a:\n  b: 1\n"a/b": 2\n'                || 'keys.yaml, line 3, column 8: key /a/b is defined twice (first on line 2)'
        'map as key'         | '? {x: 1}\n: 2\n'                       || 'keys.yaml, line 1, column 3: a map key must be text'
    }

    def "error messages do not quote the offending line, which may hold a secret"() {
        when:
        yaml('password: s3cr3t: x\n')

        then:
        StoreException e = thrown()
        !e.message.contains('s3cr3t')
    }

    def "a recursive alias is an error, not an endless loop"() {
        when:
        yaml('a: &x [1, *x]\n')

        then:
        StoreException e = thrown()
        e.message.startsWith('keys.yaml, line ')
    }
}
