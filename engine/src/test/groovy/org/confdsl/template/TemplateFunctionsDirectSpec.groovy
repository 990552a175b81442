package org.confdsl.template

import spock.lang.Specification

/**
 * The template functions called directly, for the edges the rendered table does not reach:
 * Go-style getters, the seq limit with a large first number, empty JSON, literal addresses.
 */
class TemplateFunctionsDirectSpec extends Specification {

    KeyView view = new KeyView(Fixtures.cloud(), '/cloud')
    TemplateFunctions f = new TemplateFunctions(view)

    def "records read as Go templates read them: .Key, .Value, .Target, .Port, .Priority, .Weight"() {
        given:
        def kv = new KV('/a', 'b')
        def srv = new Srv('db.example.', 5432, 10, 60)

        expect:
        kv.getKey() == '/a'
        kv.getValue() == 'b'
        srv.getTarget() == 'db.example.'
        srv.getPort() == 5432
        srv.getPriority() == 10
        srv.getWeight() == 60
        f.keys().is(view)
    }

    def "a missing key's exception names the key as written and as the store names it"() {
        when:
        f.getv('/nope')

        then:
        MissingKeyException e = thrown()
        e.key() == '/nope'
        e.absoluteKey() == '/cloud/nope'
    }

    def "seq counts numbers, not the size of the last one: #first..#last"() {
        expect:
        f.seq(first, last) == expected

        where:
        first      | last       || expected
        9_999_999L | 10_000_001 || [9_999_999L, 10_000_000L, 10_000_001L]
        -2L        | 0L         || [-2L, -1L, 0L]
        4L         | 4L         || [4L]
    }

    def "JSON null is an empty object for json and an empty list for jsonArray; arrays join too"() {
        expect:
        f.json('null') == [:]
        f.jsonArray('null') == []
        f.json(' { "a" : 1 } ') == [a: 1L]
        f.jsonArray(' [ 1 , "x" ] ') == [1L, 'x']
        f.join(['a', 1, null] as Object[], '-') == 'a-1-null'
    }

    def "getvs with match: returns the values, sorted by value, when every one matches"() {
        expect:
        f.getvs([match: ~/[\d.:]+/], '/upstream/*') == ['127.0.0.1:8081', '127.0.0.1:8082']
        f.getv([match: ~/x/], '/nope', 'dflt') == 'dflt'
    }

    def "address literals need no DNS: lookupIPV4 and lookupIPV6 keep their own family"() {
        expect:
        f.lookupIPV4('127.0.0.1') == ['127.0.0.1']
        f.lookupIPV6('127.0.0.1') == []
        f.lookupIPV6('::1') == ['::1']
        Fixtures.render('${lookupIPV4("127.0.0.1")} ${lookupIPV6("::1")}', view) == '[127.0.0.1] [::1]'
    }

    def "a path Java cannot even parse does not exist"() {
        expect:
        !f.fileExists('bad\u0000path')
    }

    def "a missing property of a value is Groovy's error, not an unknown template name"() {
        when:
        Fixtures.render('${getv("/subdomain").nosuch}', view)

        then:
        TemplateException e = thrown()
        e.message.startsWith('(template, line 1) MissingPropertyException: No such property: nosuch for class: java.lang.String')
    }
}
