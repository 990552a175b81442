package org.confdsl.template

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.time.Instant
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

class TemplateRendererSpec extends Specification {

    static final String SCENARIO = '''\
upstream ${getv('/subdomain')} {
<% getvs('/upstream/*').each { %>    server ${it};
<% } %>}
server {
    listen      443;
    server_name example.test;
    location / {
        proxy_pass        http://${getv('/subdomain')};
        proxy_set_header  Host             $host;
        proxy_set_header  X-Forwarded-For  $proxy_add_x_forwarded_for;
    }
}
'''

    @TempDir
    Path dir

    TemplateRenderer renderer = new TemplateRenderer()

    Path template(String text, String name = 'cloud.conf.tmpl') {
        Files.writeString(dir.resolve(name), text)
    }

    String render(String text, String prefix = '/cloud', Map<String, String> keys = SCENARIO_KEYS) {
        Rendered r = renderer.render(Fixtures.resource(template(text), prefix), Fixtures.snapshot(keys))
        new String(r.content(), StandardCharsets.UTF_8)
    }

    static final Map<String, String> SCENARIO_KEYS = [
            '/cloud/subdomain'  : 'cloud',
            '/cloud/upstream/a' : '127.0.0.1:8081',
            '/cloud/upstream/b' : '127.0.0.1:8082',
    ]

    def "the scenario template renders exactly, nginx variables untouched"() {
        when:
        Rendered r = renderer.render(Fixtures.resource(template(SCENARIO)), Fixtures.snapshot(SCENARIO_KEYS, 42))

        then:
        new String(r.content(), StandardCharsets.UTF_8) == '''\
upstream cloud {
    server 127.0.0.1:8081;
    server 127.0.0.1:8082;
}
server {
    listen      443;
    server_name example.test;
    location / {
        proxy_pass        http://cloud;
        proxy_set_header  Host             $host;
        proxy_set_header  X-Forwarded-For  $proxy_add_x_forwarded_for;
    }
}
'''
        r.revision() == 42
        r.keysRead() as List == ['/cloud/subdomain', '/cloud/upstream/*']
    }

    @Unroll
    def "literal text passes through: #text"() {
        expect:
        render(text) == text

        where:
        text << [
                'proxy_set_header Host $host;\n',
                'rewrite ^/(.*)$ /$1 break;\n',
                'log_format main \'$remote_addr - $remote_user [$time_local]\';\n',
                'location ~ \\.php$ { return 301 https://$host$request_uri; }\n',
                'C:\\path\\to \\n \\t \\ \\\\\n',
                '100% %> done, a < b, <b>bold</b>\n',
                'unicode: äöü € 日本\r\nwindows line\r\n',
                'no trailing newline',
                '',
        ]
    }

    def "a backslash before \${ is literal and the expression still runs"() {
        expect:
        render('a\\${getv("/subdomain")}b') == 'a\\cloudb'
    }

    @Unroll
    def "expressions with nested braces, closures and strings: #text"() {
        expect:
        render(text) == expected

        where:
        text                                                              | expected
        '${[1, 2, 3].collect { it * 2 }.join(",")}'                       | '2,4,6'
        '${[a: [b: 1]].a.b}'                                              | '1'
        '${"}"}'                                                          | '}'
        "\${'}}'}"                                                        | '}}'
        '${"%>"}'                                                         | '%>'
        '${"a${getv(\'/subdomain\')}b"}'                                  | 'acloudb'
        '${"""tri"ple}"""}'                                               | 'tri"ple}'
        "\${'it\\'s'}"                                                    | "it's"
        '${ /sla}shy/ }'                                                  | 'sla}shy'
        '${ 6 / 3 }'                                                      | '2'
        '${ 1 /* } */ + 1 }'                                              | '2'
        '${ [1,\n 2].sum() }'                                             | '3'
        '<%= getvs("/upstream/*").size() %>'                              | '2'
        '<%= "%>" %>'                                                     | '%>'
        '<%-- a comment with ${ and %> --%>x'                             | 'x'
        '${\'$\'}{literal}'                                               | '${literal}'
        '${null}'                                                         | 'null'
        '${[k: null]}'                                                    | '[k:null]'
    }

    def "scriptlets produce exactly the whitespace that is written"() {
        given:
        String text = '''\
<% ['a', 'b'].eachWithIndex { name, i -> %>
server ${name} weight=${i + 1};<% } %>
<% if (exists('/subdomain')) { %>has<% } else { %>has not<% } %>
<% println 'printed' %>done
'''
        expect:
        render(text) == '\nserver a weight=1;\nserver b weight=2;\nhas\nprinted\ndone\n'
    }

    def "a line comment in a scriptlet ends at %>"() {
        expect:
        render('<% def x = 1 // don\'t %>${x}<% /* block */ %>!') == '1!'
    }

    def "variables defined in one scriptlet are visible in later ones"() {
        expect:
        render('<% def n = ls("/upstream").size() %>n=${n}\n<% n++ %>${n}') == 'n=2\n3'
    }

    @Unroll
    def "a syntax error is reported at its template line (#what)"() {
        when:
        renderer.compile(template(text, 'broken.tmpl'))

        then:
        TemplateException e = thrown()
        e.line() == line
        e.message.startsWith("(broken.tmpl, line $line) ")
        !e.message.contains('ConfdslTemplate')
        !e.message.contains('\tat ')
        e.message.contains(words)

        where:
        what                  | text                                        | line | words
        'groovy syntax'       | 'a\nb\n${ 1 + }\nd\n'                        | 3    | 'syntax error'
        'unclosed ${'         | 'a\n${ getv("/x")\nb\n'                      | 2    | "'\${' is never closed"
        'unclosed <%'         | 'a\nb\n<% x = 1\n'                           | 3    | "'<%' is never closed"
        'unclosed string'     | 'line1\n${ "abc }\n'                         | 2    | 'string is never closed'
        'empty expression'    | '\n\n\n${ }'                                 | 4    | 'empty expression'
        'unclosed comment'    | 'a\n<%-- x\n'                                | 2    | "'<%--' is never closed"
        'bad scriptlet code'  | 'a\n<% for (;;;) { %>\n<% } %>\n'            | 2    | 'syntax error'
    }

    def "a missing key names the key, prefix, template and line"() {
        when:
        render('upstream {\n  a\n  ${getv(\'/subdomainx\')}\n}\n')

        then:
        TemplateException e = thrown()
        e.message == "(cloud.conf.tmpl, line 3) key '/subdomainx' not found (under prefix /cloud); " +
                "give getv a default, e.g. getv('/subdomainx', 'x')"
        e.line() == 3
        e.template().fileName.toString() == 'cloud.conf.tmpl'
    }

    def "without a prefix the message does not mention one"() {
        when:
        render('${getv("/nope")}', '/')

        then:
        TemplateException e = thrown()
        e.message == "(cloud.conf.tmpl, line 1) key '/nope' not found; give getv a default, e.g. getv('/nope', 'x')"
    }

    def "an exception thrown by template code reports its template line, also inside closures"() {
        when:
        render(text)

        then:
        TemplateException e = thrown()
        e.line() == line
        e.message.startsWith("(cloud.conf.tmpl, line $line) ")
        e.message.contains(words)
        !e.message.contains('ConfdslTemplate')

        where:
        text                                                                    | line | words
        'a\nb\n${ null.foo() }\n'                                               | 3    | 'NullPointerException'
        '<% [1].each {\n\n  %>x<%\n  throw new IllegalStateException("boom")\n} %>' | 4 | 'IllegalStateException: boom'
        '\n<% def f() { getv("/none") } %>\n${f()}'                             | 2    | "key '/none' not found"
        '\n\n${ 1 / 0 }'                                                        | 3    | 'ArithmeticException'
    }

    def "prefix stripping: the template sees keys relative to the prefix"() {
        given:
        Map<String, String> keys = ['/cloud/upstream/a': 'x', '/upstream/a': 'root']

        expect:
        render('${getv("/upstream/a")}', '/cloud', keys) == 'x'
        render('${getv("/upstream/a")} ${getv("/cloud/upstream/a")}', '/', keys) == 'root x'
    }

    def "keysRead holds every absolute key, pattern and directory asked for, found or not"() {
        given:
        Path t = template('${getv("/subdomain")}${getv("/missing", "d")}${exists("/x")}${ls("/upstream")}' +
                '${lsdir("/")}${gets("/upstream/[ab]")}${getvs("/upstream/*")}${get("/upstream/a")}')

        when:
        Rendered r = renderer.render(Fixtures.resource(t), Fixtures.snapshot(SCENARIO_KEYS))

        then:
        r.keysRead() as List == ['/cloud', '/cloud/missing', '/cloud/subdomain', '/cloud/upstream',
                                 '/cloud/upstream/*', '/cloud/upstream/[ab]', '/cloud/upstream/a', '/cloud/x']
    }

    def "keysRead with prefix / holds the keys as written"() {
        when:
        Rendered r = renderer.render(Fixtures.resource(template('${getv("/a/b", "")}${ls("/")}'), '/'),
                Fixtures.snapshot([:]))

        then:
        r.keysRead() as List == ['/', '/a/b']
    }

    def "rendering twice compiles once; a changed file is recompiled"() {
        given:
        Path t = template('v1 ${getv("/subdomain")}')

        when:
        def first = renderer.render(Fixtures.resource(t), Fixtures.snapshot(SCENARIO_KEYS))
        def second = renderer.render(Fixtures.resource(t), Fixtures.snapshot(SCENARIO_KEYS))
        renderer.compile(t)

        then:
        renderer.compilations() == 1
        new String(first.content(), 'UTF-8') == 'v1 cloud'
        first.content() == second.content()

        when: 'same size, same mtime, different content'
        FileTime mtime = Files.getLastModifiedTime(t)
        Files.writeString(t, 'v2 ${getv("/subdomain")}')
        Files.setLastModifiedTime(t, mtime)
        def third = renderer.render(Fixtures.resource(t), Fixtures.snapshot(SCENARIO_KEYS))

        then:
        renderer.compilations() == 2
        new String(third.content(), 'UTF-8') == 'v2 cloud'
    }

    def "a settled template is recognised by one stat; rewritten in place, it is read and compiled again"() {
        given: 'a template last modified an hour ago: its stamp is trusted'
        Path t = template('v1 ${getv("/subdomain")}')
        Files.setLastModifiedTime(t, FileTime.from(Instant.now().minusSeconds(3600)))

        when:
        renderer.render(Fixtures.resource(t), Fixtures.snapshot(SCENARIO_KEYS))
        def again = renderer.render(Fixtures.resource(t), Fixtures.snapshot(SCENARIO_KEYS))

        then:
        renderer.compilations() == 1
        new String(again.content(), 'UTF-8') == 'v1 cloud'

        when: 'the same file rewritten with the same size (a new modification time)'
        Files.writeString(t, 'v3 ${getv("/subdomain")}')
        def third = renderer.render(Fixtures.resource(t), Fixtures.snapshot(SCENARIO_KEYS))

        then:
        renderer.compilations() == 2
        new String(third.content(), 'UTF-8') == 'v3 cloud'
    }

    def "renders from several threads share one compilation and do not mix keys"() {
        given:
        Path t = template('${getv("/n")}')
        def pool = java.util.concurrent.Executors.newFixedThreadPool(8)

        when:
        def futures = (1..64).collect { n ->
            pool.submit({
                new String(renderer.render(Fixtures.resource(t), Fixtures.snapshot(['/cloud/n': "$n".toString()])).content(), 'UTF-8')
            } as java.util.concurrent.Callable<String>)
        }
        def results = futures.collect { it.get(30, java.util.concurrent.TimeUnit.SECONDS) }

        then:
        results == (1..64).collect { "$it".toString() }
        renderer.compilations() == 1

        cleanup:
        pool?.shutdownNow()
    }

    def "a missing template file is a TemplateException naming it"() {
        when:
        renderer.render(Fixtures.resource(dir.resolve('absent.tmpl')), Fixtures.snapshot([:]))

        then:
        TemplateException e = thrown()
        e.message.startsWith('(absent.tmpl) template file not found: ')
        e.line() == 0
    }

    def "a template that is not UTF-8 is a TemplateException"() {
        given:
        Path t = Files.write(dir.resolve('latin1.tmpl'), [0x61, 0xe4, 0x0a] as byte[])

        when:
        renderer.compile(t)

        then:
        TemplateException e = thrown()
        e.message == '(latin1.tmpl) template is not valid UTF-8'
    }

    def "output is UTF-8"() {
        expect:
        renderer.render(Fixtures.resource(template('€${"ü"}')), Fixtures.snapshot([:])).content() ==
                '€ü'.getBytes(StandardCharsets.UTF_8)
    }

    def "a runaway template can be interrupted"() {
        given:
        ConfTemplate t = new ConfTemplateEngine().compile(dir.resolve('loop.tmpl'),
                'a\n<% started.countDown(); while (true) { } %>')
        def started = new java.util.concurrent.CountDownLatch(1)
        TemplateException failure = null
        Thread worker = Thread.start {
            try {
                t.render(new TemplateFunctions(new KeyView(Fixtures.snapshot([:]), '/')), [started: started],
                        new StringWriter())
            } catch (TemplateException e) {
                failure = e
            }
        }

        when:
        started.await(20, java.util.concurrent.TimeUnit.SECONDS)
        worker.interrupt()
        worker.join(20_000)

        then:
        !worker.alive
        failure.message == '(loop.tmpl, line 2) rendering was interrupted'
    }
}
