package org.confdsl.dsl

import org.confdsl.model.CommandSpec
import org.confdsl.model.Debounce
import org.confdsl.model.RenderLimits
import org.confdsl.model.StoreModel
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

class DslLoaderSpec extends Specification {

    @TempDir
    Path dir

    Path script(String text, String name = 'site.groovy') {
        Files.writeString(dir.resolve('app.tmpl'), 'x')
        Path p = dir.resolve(name)
        Files.writeString(p, text)
        p
    }

    def "a resource's words become an immutable model with paths relative to the script"() {
        given:
        def path = script('''
            store file('keys.yaml')
            resource('cloud') {
                prefix   '/cloud/'
                keys     '/subdomain', '/upstream'
                template 'app.tmpl'
                dest     'out/cloud.conf'
                mode     '0640'
                owner    'root'
                group    '0'
                check    'nginx -t -c "/etc/my nginx.conf"', inPlace: true, timeout: '5s'
                reload   'nginx -s reload'
                mkdirs   true
            }
        ''')

        when:
        def model = new DslLoader().load(path)
        def r = model.resources()[0]

        then:
        model.store() == new StoreModel.File(dir.resolve('keys.yaml'))
        r.name() == 'cloud'
        r.prefix() == '/cloud'
        r.keys() == ['/subdomain', '/upstream']
        r.watchedPrefixes() == ['/cloud/subdomain', '/cloud/upstream']
        r.template() == dir.resolve('app.tmpl')
        r.dest() == dir.resolve('out/cloud.conf')
        r.mode().asInt == 0640
        r.owner().get() == 'root'
        r.group().get() == '0'
        r.check().get() == new CommandSpec(['nginx', '-t', '-c', '/etc/my nginx.conf'], false, Duration.ofSeconds(5))
        r.checkInPlace()
        r.reload().get() == new CommandSpec(['nginx', '-s', 'reload'], false, CommandSpec.DEFAULT_TIMEOUT)
        r.mkdirs()
        r.line() == 3
    }

    def "defaults apply where a resource sets nothing, and the resource's own words win"() {
        given:
        def path = script('''
            store memory('/a/b': 'c')
            defaults {
                mode '0600'
                owner 'www-data'
                timeout '30s'
                mkdirs true
            }
            resource('one') { template 'app.tmpl'; dest '/tmp/one'; reload 'true' }
            resource('two') { template 'app.tmpl'; dest '/tmp/two'; mode '0644'; timeout '2s'; reload 'true'; mkdirs false; wait '10ms', '200ms' }
            resource('three') { template 'app.tmpl'; dest '/tmp/three'; wait '250ms' }
        ''')

        when:
        def model = new DslLoader().load(path)
        def (one, two, three) = model.resources()

        then:
        model.store() == StoreModel.Memory.of(['/a/b': 'c'])
        one.mode().asInt == 0600
        one.owner().get() == 'www-data'
        one.reload().get().timeout() == Duration.ofSeconds(30)
        one.mkdirs()
        one.keys() == ['/']
        one.watchedPrefixes() == ['/']
        two.mode().asInt == 0644
        two.reload().get().timeout() == Duration.ofSeconds(2)
        !two.mkdirs()
        one.debounce() == Debounce.DEFAULT
        two.debounce() == new Debounce(Duration.ofMillis(10), Duration.ofMillis(200))
        three.debounce() == new Debounce(Duration.ofMillis(250), Duration.ofSeconds(1))
    }

    def "a memory store from a block, shell commands, and no store meaning keys.yaml beside the script"() {
        when:
        def a = new DslLoader().load(script('''
            store memory { put '/x', 1 }
            resource('a') { template 'app.tmpl'; dest 'a.conf'; check 'test -s ${src} && true', shell: true }
        ''', 'a.groovy'))
        def b = new DslLoader().load(script('''
            resource('b') { template 'app.tmpl'; dest 'b.conf' }
        ''', 'b.groovy'))

        then:
        a.store() == StoreModel.Memory.of(['/x': '1'])
        a.resources()[0].check().get() == new CommandSpec(['test -s ${src} && true'], true, CommandSpec.DEFAULT_TIMEOUT)
        b.store() == new StoreModel.File(dir.resolve('keys.yaml'))
    }

    def "mistake #what is reported with the script name and line, and what to write instead"() {
        when:
        new DslLoader().load(script(text))

        then:
        DslException e = thrown()
        e.message.startsWith("(site.groovy, line $line) ")
        e.message.contains(message)
        e.line() == line

        where:
        what                 | line | message                                                                  | text
        'no dest'            | 1    | "resource 'a' has no dest; add e.g. dest"                                | "resource('a') {\n template 'app.tmpl'\n}"
        'no template'        | 1    | "resource 'a' has no template"                                           | "resource('a') {\n dest 'x'\n}"
        'missing template'   | 1    | "template 'nope.tmpl' not found at"                                      | "resource('a') {\n template 'nope.tmpl'\n dest 'x'\n}"
        'mode 999'           | 3    | "mode '999' is not an octal file mode; write e.g. mode '0644'"           | "resource('a') {\n template 'app.tmpl'\n mode '999'\n}"
        'mode as a number'   | 2    | "mode 644 is a number; write the octal mode as a string: mode '0644'"    | "resource('a') {\n mode 644\n}"
        'mode octal number'  | 2    | "mode 0644 is a number; write the octal mode as a string: mode '0644'"   | "resource('a') {\n mode 0644\n}"
        'defaults mode 0755' | 2    | "mode 0755 is a number; write the octal mode as a string: mode '0755'"   | "defaults {\n mode 0755\n}\nresource('a') { template 'app.tmpl'; dest 'x' }"
        'mode from variable' | 3    | "mode 420 is a number; write the octal mode as a string: mode '0644'"    | "def m = 0644\nresource('a') {\n mode m\n}"
        'bad render timeout' | 2    | "'5 seconds' is not a duration; write e.g. 500ms, 10s, 1m30s or 2h"        | "resource('a') {\n renderTimeout '5 seconds'\n}"
        'bad render size'    | 2    | "renderMaxSize '16 megs' is not a size; write e.g. 512KB, 16MB or 1GB"   | "defaults {\n renderMaxSize '16 megs'\n}"
        'relative key'       | 3    | "key 'upstream' must start with '/'"                                     | "resource('a') {\n template 'app.tmpl'\n keys '/a', 'upstream'\n}"
        'relative prefix'    | 2    | "prefix 'cloud' must start with '/'"                                     | "resource('a') {\n prefix 'cloud'\n}"
        'unknown word'       | 3    | "unknown word 'destination' in resource 'a'; the words here are: check, dest, group, keys, mkdirs, mode, owner, prefix, reload, renderMaxSize, renderTimeout, template, timeout, validate, wait" | "resource('a') {\n template 'app.tmpl'\n destination '/x'\n}"
        'unknown top word'   | 2    | "unknown word 'resorce' at the top level"                                | "store file('k.yaml')\nresorce('a') {\n}"
        'bare word'          | 2    | "'mkdirs' needs a value after it"                                        | "resource('a') {\n mkdirs\n}"
        'wrong argument'     | 2    | "'mkdirs' cannot take (String) in resource 'a'"                          | "resource('a') {\n mkdirs 'yes'\n}"
        'syntax error'       | 2    | "does not compile: Unexpected input"                                     | "resource('a') {\n dest 'x' )\n}"
        'duplicate resource' | 2    | "resource 'a' is declared twice (first at line 1)"                       | "resource('a') { template 'app.tmpl'; dest 'x' }\nresource('a') { }"
        'bad resource name'  | 1    | "resource name 'a b' must be letters"                                    | "resource('a b') { }"
        'shell operator'     | 2    | "uses '&&', which only a shell understands; add shell: true"             | "resource('a') {\n check 'nginx -t && true'\n}"
        'unknown option'     | 2    | "reload has no option 'inPlace'; it takes shell, timeout"                | "resource('a') {\n reload 'x', inPlace: true\n}"
        'wait max < quiet'   | 2    | "the maximum must not be shorter than the quiet time"                    | "resource('a') {\n wait '2s', '1s'\n}"
        'bad timeout'        | 2    | "'5 seconds' is not a duration; write e.g. 500ms, 10s, 1m30s or 2h"         | "resource('a') {\n timeout '5 seconds'\n}"
        'nested resource'    | 2    | "resource 'b' cannot be declared inside resource 'a'"                    | "resource('a') {\n resource('b') { }\n}"
        'two stores'         | 2    | "store is declared twice"                                                | "store file('a.yaml')\nstore file('b.yaml')"
        'unclosed quote'     | 2    | "has an unclosed ' quote"                                                | "resource('a') {\n check \"grep 'x\"\n}"
        'script throws'      | 2    | "the script failed: java.lang.ArithmeticException"                       | "def x = 1\nx = x / 0"
        'hosts twice'        | 2    | "hosts is declared twice (first at line 1); name every host in one hosts line" | "hosts 'web1'\nhosts 'web2'"
        'host named twice'   | 1    | "host 'web1' is named twice in hosts; name each host once"               | "hosts 'web1', 'web2', 'web1'"
        'bad host name'      | 1    | "host name 'web 1' must be letters, digits"                              | "hosts 'web 1'"
        'no host'            | 1    | "hosts names no host; write e.g. hosts 'web1', 'web2'"                   | "hosts()"
        'hosts in resource'  | 2    | "hosts cannot be declared inside resource 'a'; declare the inventory once at the top level" | "resource('a') {\n hosts 'web1'\n}"
    }

    def "the inventory is recorded in the model, in declaration order"() {
        when:
        def m = new DslLoader().load(script('''
            hosts 'web2', 'web1'
            resource('a') { template 'app.tmpl'; dest 'a.conf' }
        ''', 'inv.groovy'))
        def none = new DslLoader().load(script('''
            resource('a') { template 'app.tmpl'; dest 'a.conf' }
        ''', 'none.groovy'))

        then:
        m.hosts() == ['web2', 'web1']
        m.withStore(StoreModel.Memory.of([:])).hosts() == ['web2', 'web1']
        none.hosts() == []
    }

    def "render limits come from the resource, then defaults, then the built-in 5s and 16MB"() {
        when:
        def model = new DslLoader().load(script('''
            defaults { renderTimeout '2s' }
            resource('a') { template 'app.tmpl'; dest 'a.conf'; renderMaxSize '512KB' }
            resource('b') { template 'app.tmpl'; dest 'b.conf'; renderTimeout '500ms' }
        '''.stripIndent()))

        then:
        model.resources()[0].render() == new RenderLimits(Duration.ofSeconds(2), 512 * 1024)
        model.resources()[1].render() == new RenderLimits(Duration.ofMillis(500), RenderLimits.DEFAULT.maxBytes())
        RenderLimits.DEFAULT == new RenderLimits(Duration.ofSeconds(5), 16 * 1024 * 1024)
    }

    def "a script with no resource says how to declare one"() {
        when:
        new DslLoader().load(script("store file('keys.yaml')\n"))

        then:
        DslException e = thrown()
        e.message == "(site.groovy) the script declares no resource; add one, e.g. resource('app') { template 'app.tmpl'; dest 'out/app.conf' }"
    }

    def "a missing script is named"() {
        when:
        new DslLoader().load(dir.resolve('nope.groovy'))

        then:
        DslException e = thrown()
        e.message == "(nope.groovy) script not found: ${dir.resolve('nope.groovy')}"
    }

    def "loading touches nothing: no destination directory, no key file, no command"() {
        given:
        def marker = dir.resolve('ran')
        def path = script("""
            store file('keys.yaml')
            resource('a') {
                template 'app.tmpl'
                dest 'deep/er/a.conf'
                mkdirs true
                check 'touch ${marker}'
                reload 'touch ${marker}'
            }
        """)
        def before = Files.list(dir).map { it.fileName.toString() }.sorted().toList()

        when:
        new DslLoader().load(path)

        then:
        Files.list(dir).map { it.fileName.toString() }.sorted().toList() == before
        !Files.exists(marker)
    }

    def "a runaway script can be interrupted"() {
        given:
        def path = script("while (true) { }\n")
        def error = null
        def t = Thread.start { try { new DslLoader().load(path) } catch (Throwable e) { error = e } }

        when:
        Thread.sleep(200) // give the loop time to start; the assertion below is on the interrupt, not the delay
        t.interrupt()
        t.join(10_000)

        then:
        !t.alive
        error instanceof DslException
    }
}
