package org.confdsl.run

import org.confdsl.store.Snapshot
import org.confdsl.store.WatchEvent
import spock.lang.Specification

class KeyMirrorSpec extends Specification {

    KeyMirror mirror = new KeyMirror()

    def setup() {
        mirror.reset(new Snapshot(10, new TreeMap(['/app': 'root', '/app/a': '1', '/app/b/c': '2', '/apple/x': '3', '/other': '4'])))
    }

    def "a snapshot holds exactly the keys under its prefixes, key-boundary aware"() {
        expect:
        mirror.snapshot(prefixes).entries().keySet() as List == keys
        mirror.snapshot(prefixes).revision() == 10

        where:
        prefixes            || keys
        ['/app']            || ['/app', '/app/a', '/app/b/c']
        ['/app/']           || ['/app', '/app/a', '/app/b/c']
        ['/app/b']          || ['/app/b/c']
        ['/apple', '/other'] || ['/apple/x', '/other']
        ['/']               || ['/app', '/app/a', '/app/b/c', '/apple/x', '/other']
        ['/nothing']        || []
    }

    def "events update the keys and the revision"() {
        when:
        mirror.apply([WatchEvent.put('/app/a', 'one', 11), WatchEvent.delete('/app/b/c', 11), WatchEvent.put('/app/new', 'n', 12)])

        then:
        mirror.snapshot(['/app']).entries() == ['/app': 'root', '/app/a': 'one', '/app/new': 'n']
        mirror.revision() == 12
    }

    def "events at or below the last reset are already in it and are ignored"() {
        when:
        mirror.apply([WatchEvent.delete('/app/a', 9), WatchEvent.put('/app/z', 'late', 10), WatchEvent.put('/app/y', 'new', 11)])

        then:
        mirror.snapshot(['/app']).entries() == ['/app': 'root', '/app/a': '1', '/app/b/c': '2', '/app/y': 'new']
    }

    def "a snapshot is a copy: later events do not change it"() {
        given:
        def before = mirror.snapshot(['/app'])

        when:
        mirror.apply([WatchEvent.put('/app/a', 'changed', 11)])

        then:
        before.entries()['/app/a'] == '1'
        mirror.snapshot(['/app']).entries()['/app/a'] == 'changed'
    }

    def "a reset replaces every key: a key gone from the new read is gone from the mirror"() {
        when:
        mirror.reset(new Snapshot(20, new TreeMap(['/app/a': 'fresh'])))

        then:
        mirror.snapshot(['/']).entries() == ['/app/a': 'fresh']
        mirror.revision() == 20
    }
}
