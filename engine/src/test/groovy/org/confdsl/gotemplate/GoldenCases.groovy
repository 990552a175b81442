package org.confdsl.gotemplate

import org.confdsl.template.internal.Json

/**
 * The golden cases: {@code cases.txt} (template text + JSON data per case) and what Go's own
 * text/template made of each, {@code golden.jsonl}, recorded by engine/src/test/go/gotemplate-golden
 * (the command is in its header and in the README beside the files). Also the functions that Go
 * program defines, mirrored on the Java side.
 */
class GoldenCases {

    static final String DIR = '/gotemplate/'

    /** One case: name, JSON data text, template text, and Go's result. */
    static class Case {
        String name
        String data
        String text
        String kind
        String out
        String toString() { name }
    }

    static List<Case> load() {
        parse(resource('cases.txt'), resource('golden.jsonl'))
    }

    static List<Case> loadFiles(java.nio.file.Path casesFile, java.nio.file.Path goldenFile) {
        parse(java.nio.file.Files.readString(casesFile), java.nio.file.Files.readString(goldenFile))
    }

    static List<Case> parse(String casesText, String goldenText) {
        List<Case> cases = []
        Case cur = null
        List<String> body = []
        int state = 0
        casesText.readLines().each { String line ->
            if (line.startsWith('=== ')) {
                if (cur != null) {
                    cur.text = body.join('\n')
                    cases << cur
                }
                cur = new Case(name: line.substring(4))
                body = []
                state = 1
            } else if (state == 1) {
                cur.data = line
                state = 2
            } else if (state == 2) {
                state = 3
            } else if (state == 3) {
                body << line
            }
        }
        if (cur != null) {
            cur.text = body.join('\n')
            cases << cur
        }
        Map<String, Map> golden = [:]
        goldenText.readLines().findAll { it }.each {
            Map m = (Map) Json.parse(it)
            golden[(String) m.name] = m
        }
        cases.each { Case c ->
            Map g = golden[c.name]
            assert g != null: "no golden result for case '${c.name}': re-record golden.jsonl (see README)"
            c.kind = g.kind
            c.out = g.out
        }
        assert golden.size() == cases.size(): 'golden.jsonl and cases.txt disagree: re-record'
        cases
    }

    static String resource(String file) {
        URL url = GoldenCases.getResource(DIR + file)
        assert url != null: "missing test resource ${DIR}${file}"
        url.getText('UTF-8')
    }

    /** Data as Go's json.Unmarshal into interface{} gives it: every number a float64. */
    static Object data(String json) {
        goNumbers(Json.parse(json))
    }

    static Object goNumbers(Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue()
        }
        if (v instanceof Map) {
            Map out = new TreeMap()
            ((Map) v).each { k, x -> out[k] = goNumbers(x) }
            return out
        }
        if (v instanceof List) {
            return ((List) v).collect { goNumbers(it) }
        }
        v
    }

    /** confd's memkv.KVPair, as the Go program's KVPair. */
    static class Pair implements GoNamed {
        final String key
        final String value
        Pair(String key, String value) { this.key = key; this.value = value }
        String getKey() { key }
        String getValue() { value }
        String Join(String sep) { key + sep + value }
        String goTypeName() { 'main.KVPair' }
        List<Object> goFields() { [key, value] }
        String toString() { "{$key $value}" }
    }

    static long toInt(Object v) {
        if (v instanceof Number) {
            return ((Number) v).longValue()
        }
        throw new IllegalArgumentException("not a number: $v")
    }

    static FuncMap funcs() {
        FuncMap.empty()
            .putVariadic('ints', 0, { List a -> a.collect { toInt(it) } } as GoFunction)
            .put('int', 1, { List a -> toInt(a[0]) } as GoFunction)
            .putVariadic('list', 0, { List a -> new ArrayList(a) } as GoFunction)
            .putVariadic('dict', 0, { List a ->
                Map m = [:]
                for (int i = 0; i + 1 < a.size(); i += 2) {
                    m[a[i]] = a[i + 1]
                }
                m
            } as GoFunction)
            .put('fail', 1, { List a -> throw new Exception(GoFormat.value(a[0])) } as GoFunction)
            .put('kv', 2, { List a -> new Pair(GoFormat.value(a[0]), GoFormat.value(a[1])) } as GoFunction)
            .put('seq', 2, { List a -> (toInt(a[0])..toInt(a[1])).collect { it as long } } as GoFunction)
            .putVariadic('getv', 1, { List a ->
                if (a[0] == '/a') {
                    return '1'
                }
                if (a.size() > 1) {
                    return a[1]
                }
                throw new Exception("key does not exist: ${GoFormat.value(a[0])}")
            } as GoFunction)
            .put('nilf', 0, { List a -> null } as GoFunction)
            .put('adder', 0, { List a -> ({ List b -> toInt(b[0]) + toInt(b[1]) } as GoFunction) } as GoFunction)
            .put('upper', 1, { List a -> GoFormat.value(a[0]).toUpperCase() } as GoFunction)
            .put('add', [GoKind.INT, GoKind.INT], { List a -> (long) a[0] + (long) a[1] } as GoFunction)
            .putVariadic('concat', [GoKind.STRING], GoKind.STRING, { List a -> a.join('') } as GoFunction)
            .put('half', [GoKind.FLOAT], { List a -> (double) a[0] / 2 } as GoFunction)
            .put('yes', [GoKind.BOOL], { List a -> String.valueOf(a[0]) } as GoFunction)
    }

    /** Runs a case through this engine, in the golden file's terms: [kind, out]. */
    static List<String> run(Case c) {
        GoTemplate t
        try {
            t = GoTemplate.parse('x', c.text, funcs())
        } catch (GoTemplateException e) {
            return ['parse', e.message]
        }
        StringBuilder out = new StringBuilder()
        try {
            t.execute(data(c.data), out)
            return ['ok', out.toString()]
        } catch (GoTemplateException e) {
            return ['exec', out.toString() + '\u0000' + e.message]
        }
    }
}
