package org.confdsl.store.internal

import java.nio.charset.StandardCharsets
import java.nio.file.Path

import org.confdsl.store.StoreException
import spock.lang.Specification

class KeyFileFormatSpec extends Specification {

    private static final SortedMap<String, String> KEYS = new TreeMap<>([
            '/app/port'      : '8080',
            '/app/enabled'   : 'yes',
            '/app/octal'     : '010',
            '/app/empty'     : '',
            '/app/tilde'     : '~',
            '/app/quote'     : 'say "hi"\\n',
            '/app/multi'     : 'line1\nline2\n',
            '/app/list/0'    : 'a',
            '/app/list/1'    : 'b',
            '/app/unicode'   : 'grüße',
            '/other'         : 'x'])

    def "#format writes keys that read back identically"() {
        when:
        byte[] bytes = format.render(KEYS)

        then:
        format.parse(new String(bytes, StandardCharsets.UTF_8), 'f') == KEYS

        where:
        format << KeyFileFormat.values()
    }

    def "lists stay lists and maps stay nested"() {
        when:
        String yaml = new String(KeyFileFormat.YAML.render(KEYS), StandardCharsets.UTF_8)
        String json = new String(KeyFileFormat.JSON.render(KEYS), StandardCharsets.UTF_8)

        then:
        yaml.contains('list:\n  - a\n  - b\n')
        yaml.startsWith('app:\n')
        json.contains('"list": [\n      "a",\n      "b"\n    ]')
        json.contains('"port": "8080"')
    }

    def "the format follows the file extension"() {
        expect:
        KeyFileFormat.of(Path.of(name)) == expected

        where:
        name         || expected
        'keys.yaml'  || KeyFileFormat.YAML
        'keys.yml'   || KeyFileFormat.YAML
        'keys.JSON'  || KeyFileFormat.JSON
        'keys'       || KeyFileFormat.YAML
    }

    def "a key that is both a value and a map cannot be written"() {
        when:
        KeyFileFormat.YAML.render(new TreeMap<>(['/a': '1', '/a/b': '2']))

        then:
        StoreException e = thrown()
        e.message.contains('/a would be both a value and a map')
    }

    def "no keys is an empty map"() {
        expect:
        KeyFileFormat.YAML.parse(new String(KeyFileFormat.YAML.render(new TreeMap<>()), StandardCharsets.UTF_8), 'f') == [:]
        new String(KeyFileFormat.JSON.render(new TreeMap<>()), StandardCharsets.UTF_8) == '{}\n'
    }

    def "writing keeps the order keys came in, so a rewritten file keeps its layout"() {
        given:
        Map<String, String> keys = KeyFileFormat.YAML.parse('zeta: 1\nalpha:\n  z: 2\n  a: 3\n', 'f')

        expect:
        new ArrayList<>(keys.keySet()) == ['/zeta', '/alpha/z', '/alpha/a']
        new String(KeyFileFormat.YAML.render(keys), StandardCharsets.UTF_8) == "zeta: '1'\nalpha:\n  z: '2'\n  a: '3'\n"
    }
}
