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

    def "under a prefix, a key that does not start with '/' names nothing, even when prefix + key exists"() {
        given:
        KeyView view = new KeyView(Fixtures.cloud(), '/cloud')

        expect:
        !view.exists('y/x')          // '/cloud' + 'y/x' is '/cloudy/x', beside the prefix
        !view.exists('')
        view.getv('y/x', 'none') == 'none'
        view.exists('/')
        view.getv('/') == 'the prefix itself'
        view.absolute('/') == '/cloud'
        view.absolute('/a') == '/cloud/a'
        view.keysRead() as List == ['/cloud', '/cloudy/x']
    }

    def "a missing key's message names the prefix only when there is one"() {
        when:
        new KeyView(Fixtures.cloud(), prefix).getv('/nope')

        then:
        MissingKeyException e = thrown()
        e.message == message

        where:
        prefix    || message
        '/'       || "key '/nope' not found; give getv a default, e.g. getv('/nope', 'x')"
        ''        || "key '/nope' not found; give getv a default, e.g. getv('/nope', 'x')"
        '/cloud'  || "key '/nope' not found (under prefix /cloud); give getv a default, e.g. getv('/nope', 'x')"
    }

    def "ls and lsdir with keys that end in a slash: a name with only an empty child is not a directory"() {
        given:
        KeyView view = new KeyView(Fixtures.snapshot(['/app/': 'root', '/app/d/': 'x', '/app/e/f': 'y', '/app/g': 'z']), prefix)

        expect:
        view.ls(dir) == ls
        view.lsdir(dir) == lsdir

        where:
        prefix  | dir     || ls               | lsdir
        '/'     | '/app'  || ['d', 'e', 'g']  | ['e']
        '/app'  | '/'     || ['d', 'e', 'g']  | ['e']
    }

    def "gets under a prefix: the prefix key is '/', and only keys at or after the literal part are read"() {
        given:
        KeyView view = new KeyView(Fixtures.cloud(), '/cloud')

        expect:
        view.gets('/*')*.key == ['/', '/b64', '/json', '/jsonarr', '/subdomain']
        view.gets('/upstream/*')*.key == ['/upstream/a', '/upstream/b']
        view.gets('/u*/c/*')*.key == ['/upstream/c/x']
        view.gets('/*/*/*')*.key == ['/upstream/c/x']
        view.gets('*') == []
    }
}
