package org.confdsl.template

import org.confdsl.gotemplate.GoTemplate
import org.confdsl.gotemplate.GoTemplateException
import org.confdsl.store.Snapshot
import spock.lang.Specification
import spock.lang.Unroll

/**
 * One row (at least) per confd function in a Go template, with confd's answers: the expected
 * texts are those confd 0.17.0-dev (built from source, Go 1.19) printed for the same keys
 * (see repl/src/test/resources/confd/RECORDED.md; rows for ls "/", reverse of gets and the errors
 * were checked against it the same way).
 */
class ConfdGoFunctionsSpec extends Specification {

    static final TreeMap<String, String> KEYS = new TreeMap<>([
            '/app/name'         : 'web',
            '/app/empty'        : '',
            '/app/upstream/b'   : '10.0.0.2:80',
            '/app/upstream/a'   : '10.0.0.3:80',
            '/app/upstream/c'   : '10.0.0.1:80',
            '/app/nested/x/why' : 'deep',
            '/app/nested/leaf'  : 'v',
            '/app/json'         : '{"a": 1, "b": [1, 2.5, "x"], "c": {"d": null}, "e": 1000000}',
            '/app/list'         : '["z", "aa", "b"]',
            '/app/b64'          : 'aGVsbG8gd29ybGQ=',
            '/top'              : 'leaf',
    ])

    static String render(String text) {
        KeyView view = new KeyView(new Snapshot(1, KEYS), '/')
        GoTemplate.parse('t', text, ConfdGoFunctions.of(view)).execute(null)
    }

    static String error(String text) {
        try {
            render(text)
            return 'no error'
        } catch (GoTemplateException e) {
            return e.message
        }
    }

    @Unroll
    def "#template renders #expected"() {
        expect:
        render(template) == expected

        where:
        template                                                       | expected
        // memkv
        '{{getv "/app/name"}}'                                         | 'web'
        '{{getv "/app/missing" "dflt"}}'                               | 'dflt'
        '[{{getv "/app/empty" "dflt"}}]'                               | '[]'        // default only when missing
        '{{exists "/app/name"}} {{exists "/app/upstream"}}'            | 'true false' // false for a directory
        '{{range getvs "/app/upstream/*"}}{{.}} {{end}}'               | '10.0.0.1:80 10.0.0.2:80 10.0.0.3:80 ' // by value
        '{{range gets "/app/upstream/*"}}{{.Key}}={{.Value}} {{end}}'  | '/app/upstream/a=10.0.0.3:80 /app/upstream/b=10.0.0.2:80 /app/upstream/c=10.0.0.1:80 '
        '{{with get "/app/name"}}{{.Key}} {{.Value}}{{end}}'           | '/app/name web'
        '{{get "/app/name"}}'                                          | '{/app/name web}'
        '{{ls "/app/upstream"}}'                                       | '[a b c]'
        '{{ls "/app/name"}}'                                           | '[name]'
        '{{ls "/"}}'                                                   | '[top]'     // confd: only top-level leaves
        '{{ls "/nope"}}'                                               | '[]'
        '{{lsdir "/app"}}'                                             | '[nested upstream]'
        '{{lsdir "/"}}'                                                | '[]'
        '{{lsdir "/app/name"}}'                                        | '[]'
        '{{lsdir "/app/nested"}}'                                      | '[x]'
        // paths and strings
        '{{base "/a/b/c"}} {{dir "/a/b/c"}} {{base ""}} {{dir "x"}}'   | 'c /a/b . .'
        '{{split "a,b,,c" ","}} {{len (split "a,b,,c" ",")}}'          | '[a b  c] 4'
        '{{join (split "a,b,,c" ",") "|"}}'                            | 'a|b||c'
        '{{toUpper "MiXed"}} {{toLower "MiXed"}}'                      | 'MIXED mixed'
        '{{contains "haystack" "st"}} {{contains "haystack" "x"}}'     | 'true false'
        '{{replace "a-b-c-d" "-" "+" 2}} {{replace "a-b-c-d" "-" "" -1}}' | 'a+b+c-d abcd'
        '{{trimSuffix "file.conf" ".conf"}} {{trimSuffix "f.c" ".x"}}' | 'file f.c'
        '{{base64Encode "hello world"}} {{base64Decode (getv "/app/b64")}}' | 'aGVsbG8gd29ybGQ= hello world'
        // data
        '{{$j := json (getv "/app/json")}}{{$j.a}} {{$j.b}} {{$j.c}} {{$j.e}} {{$j.missing}}' | '1 [1 2.5 x] map[d:<nil>] 1e+06 <no value>'
        '{{range jsonArray (getv "/app/list")}}{{.}} {{end}}'          | 'z aa b '
        '{{$m := map "k1" "v1" "k2" 2}}{{$m.k1}} {{$m.k2}} {{$m}}'     | 'v1 2 map[k1:v1 k2:2]'
        '{{reverse (getvs "/app/upstream/*")}}'                        | '[10.0.0.3:80 10.0.0.2:80 10.0.0.1:80]'
        '{{range reverse (gets "/app/upstream/*")}}{{.Key}} {{end}}'   | '/app/upstream/a /app/upstream/b /app/upstream/c ' // confd: KVPairs unchanged
        '{{range reverse (sortKVByLength (gets "/app/upstream/*"))}}{{.Key}} {{end}}' | '/app/upstream/c /app/upstream/b /app/upstream/a '
        '{{sortByLength (split "ccc,a,bb,dddd" ",")}}'                 | '[a bb ccc dddd]'
        '{{range sortKVByLength (gets "/app/nested/*")}}{{.Key}} {{end}}' | '/app/nested/leaf '
        // environment
        '[{{getenv "CONFDSL_TEST_SURELY_UNSET"}}] {{getenv "CONFDSL_TEST_SURELY_UNSET" "fallback"}}' | '[] fallback'
        '{{fileExists "/"}} {{fileExists "/no/such/file"}}'            | 'true false'
        '{{lookupIP "127.0.0.1"}} {{lookupIPV4 "127.0.0.1"}} {{lookupIPV6 "127.0.0.1"}}' | '[127.0.0.1] [127.0.0.1] []'
        '{{len (lookupSRV "x" "tcp" "invalid.")}}'                     | '0'
        '{{gt (datetime).Year 2000}}'                                  | 'true'
        '{{(datetime).Format "2006"}}'                                 | String.valueOf(java.time.Year.now().value)
        // numbers
        '{{parseBool "true"}} {{parseBool "0"}} {{parseBool "T"}}'     | 'true false true'
        '{{add 2 3}} {{sub 2 3}} {{mul 4 5}} {{div 7 2}} {{div -7 2}} {{mod 7 3}} {{mod -7 3}}' | '5 -1 20 3 -3 1 -1'
        '{{seq 1 5}} {{range seq 3 5}}{{.}};{{end}} [{{range seq 5 3}}x{{end}}]' | '[1 2 3 4 5] 3;4;5; []'
        '{{atoi "42"}} {{add (atoi "-8") 1}}'                          | '42 -7'
    }

    @Unroll
    def "#template fails with #expected"() {
        expect:
        error(template) == expected

        where:
        template                        | expected
        '{{getv "/nope"}}'              | 'template: t:1:2: executing "t" at <getv "/nope">: error calling getv: key does not exist: /nope'
        '{{get "/nope"}}'               | 'template: t:1:2: executing "t" at <get "/nope">: error calling get: key does not exist: /nope'
        '{{div 1 0}}'                   | 'template: t:1:2: executing "t" at <div 1 0>: error calling div: runtime error: integer divide by zero'
        '{{mod 1 0}}'                   | 'template: t:1:2: executing "t" at <mod 1 0>: error calling mod: runtime error: integer divide by zero'
        '{{atoi "x1"}}'                 | 'template: t:1:2: executing "t" at <atoi "x1">: error calling atoi: strconv.Atoi: parsing "x1": invalid syntax'
        '{{parseBool "yes"}}'           | 'template: t:1:2: executing "t" at <parseBool "yes">: error calling parseBool: strconv.ParseBool: parsing "yes": invalid syntax'
        '{{map "a"}}'                   | 'template: t:1:2: executing "t" at <map "a">: error calling map: invalid map call'
        '{{map 1 2}}'                   | 'template: t:1:2: executing "t" at <map 1 2>: error calling map: map keys must be strings'
        '{{getvs "/app/["}}'            | 'template: t:1:2: executing "t" at <getvs "/app/[">: error calling getvs: syntax error in pattern'
        '{{getvv "/x"}}'                | 'template: t:1: function "getvv" not defined'
        '{{add "1" 2}}'                 | 'template: t:1:6: executing "t" at <"1">: expected integer; found "1"'
        '{{$x := "1"}}{{add $x 2}}'     | 'template: t:1:19: executing "t" at <$x>: wrong type for value; expected int; got string'
        '{{getv 1}}'                    | 'template: t:1:7: executing "t" at <1>: expected string; found 1'
        '{{getv}}'                      | 'template: t:1:2: executing "t" at <getv>: wrong number of args for getv: want at least 1 got 0'
    }
}
