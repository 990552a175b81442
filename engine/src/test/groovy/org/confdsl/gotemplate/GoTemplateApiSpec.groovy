package org.confdsl.gotemplate

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import spock.lang.Specification

/** The Java side of the engine: FuncMap arities, Java objects as Go structs, writers, named templates, threads. */
class GoTemplateApiSpec extends Specification {

    static String render(String text, Object data, FuncMap funcs = FuncMap.empty()) {
        GoTemplate.parse('t', text, funcs).execute(data)
    }

    static String error(String text, Object data, FuncMap funcs = FuncMap.empty()) {
        try {
            render(text, data, funcs)
            return 'no error'
        } catch (GoTemplateException e) {
            return e.phase().name() + ': ' + e.message
        }
    }

    record Rec(String key, String value) {}

    static class Bean {
        public String Field = 'public-field'
        String getName() { 'bean-name' }
        String Upper() { 'upper-method' }
    }

    static class Named implements GoNamed {
        String goTypeName() { 'memkv.KVPair' }
    }

    def "fields of Java objects: record component, getter, exact-name method, public field"() {
        expect:
        render('{{.Key}}={{.value}} {{.Name}} {{.Upper}} {{.Field}}', null) == '<no value>=<no value> <no value> <no value> <no value>'
        render('{{.Key}}={{.Value}}', new Rec('/k', 'v')) == '/k=v'
        render('{{.Name}} {{.name}} {{.Upper}} {{.Field}}', new Bean()) == 'bean-name bean-name upper-method public-field'
    }

    static class Clock {
        String Format(String layout) {
            if (layout == 'bad') {
                throw new IllegalArgumentException('bad layout')
            }
            "formatted:$layout"
        }
        long Year() { 2026L }
        long Add(long a, long b) { a + b }
    }

    def "methods with arguments on Java objects are Go methods, with typed arguments"() {
        given:
        FuncMap funcs = FuncMap.empty().put('now', 0, { List a -> new Clock() } as GoFunction)

        expect:
        render('{{now.Format "2006"}} {{(now).Year}} {{now.Add 1 2}} {{"x" | now.Format}}', null, funcs) ==
                'formatted:2006 2026 3 formatted:x'
        error('{{now.Format 1}}', null, funcs) == 'EXECUTE: template: t:1:13: executing "t" at <1>: expected string; found 1'
        error('{{now.Format "bad"}}', null, funcs) == 'EXECUTE: template: t:1:5: executing "t" at <now.Format>: error calling Format: bad layout'
        error('{{now.Format}}', null, funcs) == 'EXECUTE: template: t:1:2: executing "t" at <now>: wrong number of args for Format: want 1 got 0'
        error('{{now.Nope 1}}', null, funcs) == 'EXECUTE: template: t:1:2: executing "t" at <now>: can\'t evaluate field Nope in type Clock'
    }

    def "an unexpected exception from the data is an execution error, not a crash"() {
        given:
        Map data = new HashMap() {
            Object get(Object key) { throw new IllegalStateException('broken map') }
        }

        expect:
        error('{{.a}}', data).startsWith('EXECUTE: template: t:1:2: executing "t" at <.a>: internal error: java.lang.IllegalStateException: broken map')
    }

    def "a missing field names the Go type, or the Java class"() {
        expect:
        error('{{.Nope}}', new Rec('a', 'b')) == 'EXECUTE: template: t:1:2: executing "t" at <.Nope>: can\'t evaluate field Nope in type Rec'
        error('{{.Nope}}', new Named()) == 'EXECUTE: template: t:1:2: executing "t" at <.Nope>: can\'t evaluate field Nope in type memkv.KVPair'
    }

    def "arity is checked before the call, in Go's words"() {
        given:
        FuncMap funcs = FuncMap.empty()
                .put('one', 1, { List a -> a[0] } as GoFunction)
                .putVariadic('some', 1, { List a -> a.size() } as GoFunction)

        expect:
        error('{{one 1 2}}', null, funcs) == 'EXECUTE: template: t:1:2: executing "t" at <one>: wrong number of args for one: want 1 got 2'
        error('{{some}}', null, funcs) == 'EXECUTE: template: t:1:2: executing "t" at <some>: wrong number of args for some: want at least 1 got 0'
        render('{{some 1 2 3}} {{3 | some 1}}', null, funcs) == '3 2'
    }

    def "a function's exception is Go's error; GoTypeError is Go's wrong-type message"() {
        given:
        FuncMap funcs = FuncMap.empty()
                .put('getv', 1, { List a -> throw new IllegalStateException("key does not exist: ${a[0]}") } as GoFunction)
                .put('str', 1, { List a -> GoArgs.string(a, 0) } as GoFunction)

        expect:
        error('x\n  {{getv "/a"}}', null, funcs) == 'EXECUTE: template: t:2:4: executing "t" at <getv "/a">: error calling getv: key does not exist: /a'
        error('{{str 1}}', null, funcs) == 'EXECUTE: template: t:1:2: executing "t" at <str 1>: wrong type for value; expected string; got int'
        error('{{getvv "/a"}}', null, funcs) == 'PARSE: template: t:1: function "getvv" not defined'
    }

    def "a user function shadows a builtin; a function named break makes break a call"() {
        given:
        FuncMap funcs = FuncMap.empty()
                .put('len', 1, { List a -> 'mine' } as GoFunction)
                .put('break', 0, { List a -> 'called' } as GoFunction)

        expect:
        render('{{len "abc"}} {{break}}', null, funcs) == 'mine called'
    }

    def "named templates execute on their own; an unknown one is Go's error"() {
        given:
        GoTemplate t = GoTemplate.parse('main', '{{define "part"}}<{{.}}>{{end}}main', FuncMap.empty())
        StringBuilder out = new StringBuilder()

        when:
        t.execute('part', 'x', out)

        then:
        out.toString() == '<x>'
        t.templateNames() == ['part', 'main'] as Set
        t.execute(null) == 'main'

        when:
        t.execute('nope', null, new StringBuilder())

        then:
        GoTemplateException e = thrown()
        e.message == 'template: no template "nope" associated with template "main"'
    }

    def "a failing writer is an execution error with the IOException as cause"() {
        given:
        Appendable broken = new Writer() {
            void write(char[] b, int o, int l) { throw new IOException('disk full') }
            void flush() {}
            void close() {}
        }

        when:
        GoTemplate.parse('t', 'text', FuncMap.empty()).execute(null, broken)

        then:
        GoTemplateException e = thrown()
        e.cause instanceof IOException
        e.message == 'template: t: write error: disk full'
    }

    def "endless recursion stops with Go's depth message instead of a crash"() {
        expect:
        error('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}', null) ==
                'EXECUTE: template: t: exceeded maximum template depth (100000)'
    }

    def "one parsed template serves many threads at once"() {
        given:
        GoTemplate t = GoTemplate.parse('t', '{{range $i, $v := .}}{{$i}}:{{$v}} {{end}}', FuncMap.empty())
        def pool = Executors.newFixedThreadPool(4)

        when:
        List<String> results = pool.invokeAll((0..<40).collect { int n ->
            { -> t.execute((0..n).collect { "v$it".toString() }) } as Callable<String>
        }, 60, TimeUnit.SECONDS)*.get()

        then:
        results.eachWithIndex { String r, int n ->
            assert r == (0..n).collect { "$it:v$it " }.join('')
        }

        cleanup:
        pool.shutdownNow()
    }
}
