package org.confdsl.template

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

/** One row (at least) per confd function, rendered through a real template, as confd's template_test.go. */
class TemplateFunctionsSpec extends Specification {

    @TempDir
    Path dir

    KeyView view = new KeyView(Fixtures.cloud(), '/cloud')

    @Unroll
    def "\${#expression} renders #expected"() {
        expect:
        Fixtures.render('${' + expression + '}', view) == expected

        where:
        expression                                                  | expected
        // store functions
        "exists('/subdomain')"                                      | 'true'
        "exists('/nope')"                                           | 'false'
        "exists('/upstream')"                                       | 'false'
        "exists('/')"                                               | 'true'
        "get('/subdomain').value"                                   | 'cloud'
        "get('/subdomain').Value"                                   | 'cloud'
        "get('/subdomain').key"                                     | '/subdomain'
        "get('/subdomain').Key"                                     | '/subdomain'
        "get('/subdomain')"                                         | '{/subdomain cloud}'
        "gets('/upstream/*').collect { it.key }"                    | '[/upstream/a, /upstream/b]'
        "gets('/upstream/*').collect { it.Value }"                  | '[127.0.0.1:8082, 127.0.0.1:8081]'
        "gets('/upstream/*/*').collect { it.key }"                  | '[/upstream/c/x]'
        "gets('/*').collect { it.key }"                             | '[/, /b64, /json, /jsonarr, /subdomain]'
        "gets('/nothing/*')"                                        | '[]'
        "getv('/subdomain')"                                        | 'cloud'
        "getv('/nope', 'fallback')"                                 | 'fallback'
        "getv('/nope', 80)"                                         | '80'
        "getv('/subdomain', 'unused')"                              | 'cloud'
        "getvs('/upstream/*')"                                      | '[127.0.0.1:8081, 127.0.0.1:8082]'
        "getvs('/upstream/?')"                                      | '[127.0.0.1:8081, 127.0.0.1:8082]'
        "getvs('/upstream/[a]')"                                    | '[127.0.0.1:8082]'
        "getvs('/upstream/[^a]')"                                   | '[127.0.0.1:8081]'
        "getvs('/upstream/[a-b]')"                                  | '[127.0.0.1:8081, 127.0.0.1:8082]'
        "getvs('/upstream/\\\\a')"                                  | '[127.0.0.1:8082]'
        "getvs('/upstream*')"                                       | '[]'
        "ls('/upstream')"                                           | '[a, b, c]'
        "ls('/upstream/')"                                          | '[a, b, c]'
        "ls('/upstream/a')"                                         | '[a]'
        "ls('/upstream/c')"                                         | '[x]'
        "ls('/missing')"                                            | '[]'
        "ls('/')"                                                   | '[b64, json, jsonarr, subdomain, upstream]'
        "lsdir('/upstream')"                                        | '[c]'
        "lsdir('/')"                                                | '[upstream]'
        "lsdir('/upstream/a')"                                      | '[]'
        "lsdir('/missing')"                                         | '[]'
        // paths and strings
        "base('/upstream/a')"                                       | 'a'
        "base('/upstream/')"                                        | 'upstream'
        "base('')"                                                  | '.'
        "dir('/upstream/a')"                                        | '/upstream'
        "dir('/a')"                                                 | '/'
        "dir('a')"                                                  | '.'
        "split('a,b,,c', ',')"                                      | '[a, b, , c]'
        "split('a,b,', ',').size()"                                 | '3'
        "split('abc', '')"                                          | '[a, b, c]'
        "join(['a', 'b', 'c'], '-')"                                | 'a-b-c'
        "join(getvs('/upstream/*'), ' ')"                           | '127.0.0.1:8081 127.0.0.1:8082'
        "toUpper('nGinx')"                                          | 'NGINX'
        "toLower('nGinx')"                                          | 'nginx'
        "contains('nginx', 'gin')"                                  | 'true'
        "contains('nginx', 'apache')"                               | 'false'
        "replace('a-b-c', '-', '+', -1)"                            | 'a+b+c'
        "replace('a-b-c', '-', '+', 1)"                             | 'a+b-c'
        "replace('a-b-c', '-', '+', 0)"                             | 'a-b-c'
        "replace('ab', '', '-', -1)"                                | '-a-b-'
        "trimSuffix('app.conf', '.conf')"                           | 'app'
        "trimSuffix('app.conf', '.txt')"                            | 'app.conf'
        "base64Encode('hello')"                                     | 'aGVsbG8='
        "base64Decode(getv('/b64'))"                                | 'hello'
        // data
        "json(getv('/json')).port"                                  | '80'
        "json(getv('/json')).name"                                  | 'web'
        "json(getv('/json')).tags[1]"                               | 'b'
        "json(getv('/json')).ratio"                                 | '1.5'
        "json(getv('/json')).missing"                               | 'null'
        "json(getv('/json')).keySet()"                              | '[name, port, ratio, tags]'
        "jsonArray(getv('/jsonarr'))[1]"                            | 'two'
        "jsonArray(getv('/jsonarr'))[2].three"                      | '3'
        "map('b', 1, 'a', 'x')"                                     | '[a:x, b:1]'
        "map('k', getv('/subdomain')).k"                            | 'cloud'
        "reverse(['a', 'b', 'c'])"                                  | '[c, b, a]'
        "reverse(gets('/upstream/*')).collect { it.key }"           | '[/upstream/b, /upstream/a]'
        "sortByLength(['ccc', 'a', 'bb'])"                          | '[a, bb, ccc]'
        "sortKVByLength(reverse(gets('/*'))).collect { it.key }"    | '[/, /b64, /json, /jsonarr, /subdomain]'
        // environment
        "getenv('CONFDSL_SURELY_UNSET_VARIABLE')"                   | ''
        "getenv('CONFDSL_SURELY_UNSET_VARIABLE', 'dflt')"           | 'dflt'
        "getenv('PATH') == System.getenv('PATH')"                   | 'true'
        "datetime() instanceof java.time.ZonedDateTime"             | 'true'
        "datetime().format(DateTimeFormatter.ofPattern('yyyy')) == String.valueOf(java.time.Year.now().value)" | 'true'
        "lookupIP('127.0.0.1')"                                     | '[127.0.0.1]'
        "lookupIP('::1')"                                           | '[::1]'
        "lookupIP('localhost').contains('127.0.0.1')"               | 'true'
        "lookupIPV4('localhost').every { !it.contains(':') }"       | 'true'
        "lookupIPV4('::1')"                                         | '[]'
        "lookupIPV6('::1')"                                         | '[::1]'
        "lookupIPV6('127.0.0.1')"                                   | '[]'
        "lookupIP('no-such-host.invalid')"                          | '[]'
        "fileExists('/no/such/file')"                               | 'false'
        // numbers
        "parseBool('T')"                                            | 'true'
        "parseBool('True')"                                         | 'true'
        "parseBool('1')"                                            | 'true'
        "parseBool('FALSE')"                                        | 'false'
        "parseBool('0')"                                            | 'false'
        "atoi('42') + 1"                                            | '43'
        "atoi('-5')"                                                | '-5'
        "add(1, 2)"                                                 | '3'
        "sub(5, 7)"                                                 | '-2'
        "mul(3, 4)"                                                 | '12'
        "div(7, 2)"                                                 | '3'
        "div(-7, 2)"                                                | '-3'
        "mod(-7, 2)"                                                | '-1'
        "mod(7, 3)"                                                 | '1'
        "seq(1, 3)"                                                 | '[1, 2, 3]'
        "seq(3, 1)"                                                 | '[]'
        "add(atoi('1'), seq(1, 2)[1])"                              | '3'
    }

    def "fileExists sees a file that exists"() {
        given:
        Path file = Files.writeString(dir.resolve('present.txt'), 'x')

        expect:
        Fixtures.render("\${fileExists('" + file + "')}", view) == 'true'
    }

    @Unroll
    def "#expression fails with '#message'"() {
        when:
        Fixtures.render('${' + expression + '}', view)

        then:
        TemplateException e = thrown()
        e.message == "(template, line 1) $message"
        e.line() == 1

        where:
        expression               | message
        "getv('/nope')"          | "key '/nope' not found (under prefix /cloud); give getv a default, e.g. getv('/nope', 'x')"
        "get('/nope')"           | "key '/nope' not found (under prefix /cloud); test it first with exists('/nope')"
        "gets('/upstream/[')"    | "syntax error in pattern '/upstream/['"
        "getvs('/upstream/[]')"  | "syntax error in pattern '/upstream/[]'"
        "parseBool('yes')"       | "parseBool: 'yes' is not a boolean"
        "atoi('4x')"             | "atoi: '4x' is not an integer"
        "map('a')"               | 'map needs key, value pairs; got 1 arguments'
        "map(1, 2)"              | 'map keys must be strings; argument 1 is not'
        "div(1, 0)"              | 'div: division by zero'
        "mod(1, 0)"              | 'mod: division by zero'
        "seq(0, 10000000)"       | 'seq: more than 10000000 numbers asked for'
        "base64Decode('abc')"    | 'base64Decode: not valid base64 (length is not a multiple of 4)'
        "json('[1]')"            | 'json: expected a JSON object; use jsonArray for arrays'
        "jsonArray('{}')"        | 'jsonArray: expected a JSON array; use json for objects'
        "json('{\"a\": }')"      | "json: invalid JSON at offset 6: unexpected character '}'"
        "getv(1)"                | 'function getv cannot take (Integer)'
        "nosuchfunction('x')"    | 'unknown function nosuchfunction(String)'
        "nosuchname"             | "unknown name 'nosuchname': not a variable, binding or template function"
    }

    def "the view does not show keys outside the prefix, nor siblings that share its letters"() {
        expect:
        Fixtures.render("\${exists('/x')} \${exists('/secret')} \${getv('/', 'none')}", view) ==
                'false false the prefix itself'
    }
}
