package org.confdsl.template

import spock.lang.Specification

class KeyViewSpec extends Specification {

    def "the view strips the prefix at a key boundary and is read-only"() {
        given:
        KeyView view = new KeyView(Fixtures.cloud(), '/cloud/')

        when:
        view.entries().put('/x', 'y')

        then:
        thrown(UnsupportedOperationException)
        view.prefix() == '/cloud'
        view.entries().keySet() as List == ['/', '/b64', '/json', '/jsonarr', '/subdomain',
                                            '/upstream/a', '/upstream/b', '/upstream/c/x']
        view.keysRead().isEmpty()
    }

    def "prefix / shows every key as it is"() {
        given:
        KeyView view = new KeyView(Fixtures.cloud(), '/')

        expect:
        view.entries() == Fixtures.cloud().entries()
        view.prefix() == '/'
        view.absolute('/a') == '/a'
    }

    def "ls, lsdir and getvs against confd's memkv rules"() {
        given:
        KeyView view = new KeyView(Fixtures.snapshot([
                '/app/x/1': 'b', '/app/x/2': 'a', '/app/y': 'c', '/apple/z': 'd', '/app/x/deep/er': 'e']), '/')

        expect:
        view.ls('/app') == ['x', 'y']
        view.ls('/app/y') == ['y']
        view.ls('/ap') == []
        view.lsdir('/app') == ['x']
        view.lsdir('/app/x') == ['deep']
        view.getvs('/app/x/*') == ['a', 'b']
        view.gets('/app/x/*')*.key == ['/app/x/1', '/app/x/2']
        view.gets('/app*/*')*.key == ['/app/y', '/apple/z']
        view.keysRead() as List == ['/ap', '/app', '/app*/*', '/app/x', '/app/x/*', '/app/y']
    }

    def "getv's default stands in only for a missing key: an empty value is a value (confd)"() {
        given:
        KeyView view = new KeyView(Fixtures.snapshot(['/app/empty': '', '/app/set': 'v']), '/app')

        expect:
        view.getv('/empty', 'fallback') == ''
        view.getv('/empty') == ''
        view.getv('/set', 'fallback') == 'v'
        view.getv('/missing', 'fallback') == 'fallback'
        view.getv('/missing', null) == null
    }
}
