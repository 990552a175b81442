package org.confdsl.dsl

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import org.confdsl.model.TemplateSyntax
import org.confdsl.store.Snapshot
import org.confdsl.template.TemplateRenderer
import spock.lang.Specification
import spock.lang.TempDir

/** The DSL's doors to confd setups: {@code confd '/etc/confd'}, {@code template 'x', syntax: 'go'}, and the warning for a Go-looking Groovy template. */
class DslConfdSpec extends Specification {

    static final String CLOUD_TMPL = '''upstream {{getv "/subdomain"}} {
    {{range getvs "/upstream/*"}}
        server {{.}};
    {{end}}
}
'''
    static final Snapshot KEYS = new Snapshot(3, new TreeMap<>([
            '/cloud/subdomain': 'cloud', '/cloud/upstream/b': '127.0.0.1:2', '/cloud/upstream/a': '127.0.0.1:1',
            '/app/name': 'web', '/apple': 'pie']))

    @TempDir
    Path dir

    Path write(String name, String text) {
        Path p = dir.resolve(name)
        Files.createDirectories(p.parent)
        Files.writeString(p, text)
        p
    }

    static String render(org.confdsl.model.ResourceModel r) {
        new String(new TemplateRenderer().render(r, KEYS.restrictTo(r.watchedPrefixes())).content(), StandardCharsets.UTF_8)
    }

    def "confd 'DIR' adds the directory's template resources, rendered as confd renders them, beside the script's tasks"() {
        given:
        write('confd/conf.d/cloud.toml', '[template]\nprefix = "/cloud"\nsrc = "cloud.conf.tmpl"\ndest = "/tmp/cloud.conf"\nkeys = ["/subdomain", "/upstream"]\nreload_cmd = "nginx -s reload"\n')
        write('confd/templates/cloud.conf.tmpl', CLOUD_TMPL)
        Path script = write('site.groovy', '''
            store etcd('http://127.0.0.1:2379')
            confd 'confd'
            task('drainAll') { log 'x' }
        ''')

        when:
        def model = new DslLoader().load(script)
        def cloud = model.resource('cloud').get()

        then:
        model.resources()*.name() == ['cloud']
        model.tasks()*.name() == ['drainAll']
        cloud.syntax() == TemplateSyntax.GO
        cloud.reload().get().shell()
        render(cloud) == 'upstream cloud {\n    \n        server 127.0.0.1:1;\n    \n        server 127.0.0.1:2;\n    \n}\n'
    }

    def "template 'x', syntax: 'go' renders with confd's functions and key rules (keys '/app' also loads '/apple')"() {
        given:
        write('app.tmpl', '{{getv "/app/name"}} {{getv "/apple" "none"}} {{ls "/"}}\n')
        Path script = write('site.groovy', '''
            store file('keys.yaml')
            resource('app') {
                keys '/app'
                template 'app.tmpl', syntax: 'go'
                dest 'out/app.conf'
            }
        ''')

        when:
        def r = new DslLoader().load(script).resources()[0]

        then:
        r.syntax() == TemplateSyntax.GO
        r.watchedPrefixes() == ['/']
        render(r) == 'web pie [apple]\n'
    }

    def "a .gotmpl template is Go without saying so"() {
        given:
        write('app.gotmpl', '{{getv "/app/name"}}')
        Path script = write('site.groovy', "resource('app') { template 'app.gotmpl'; dest 'out/app.conf' }")

        expect:
        new DslLoader().load(script).resources()[0].syntax() == TemplateSyntax.GO
    }

    def "an unknown syntax names the choices and the line"() {
        given:
        write('app.tmpl', 'x')
        Path script = write('site.groovy', "resource('app') {\n    template 'app.tmpl', syntax: 'jinja'\n    dest 'out/app.conf'\n}\n")

        when:
        new DslLoader().load(script)

        then:
        DslException e = thrown()
        e.message == "(site.groovy, line 2) template syntax 'jinja' is not known; use 'groovy' (the default) or 'go'"
    }

    def "a Groovy template that holds only Go actions is named in a warning that points at syntax: 'go'"() {
        given:
        Path tmpl = write('cloud.conf.tmpl', CLOUD_TMPL)

        expect:
        GoLookingTemplate.warning(tmpl, 'cloud.conf.tmpl', "resource 'cloud'").get() ==
                "resource 'cloud': template 'cloud.conf.tmpl' (" + tmpl + ") has Go template actions ({{...}}) and no Groovy, " +
                "so it would be written out literally; if it is a confd/Go template, write template 'cloud.conf.tmpl', syntax: 'go'"
        !GoLookingTemplate.looksLikeGo('upstream ${getv("/subdomain")} { {{not go}} }')
        !GoLookingTemplate.looksLikeGo('server { listen 80; }')
        GoLookingTemplate.looksLikeGo('{{- range gets "/x/*"}}{{.Key}}{{end}}')
    }

    def "a confd resource named like one of the script's is an error at the confd line"() {
        given:
        write('confd/conf.d/app.toml', '[template]\nsrc = "app.tmpl"\ndest = "/tmp/app.conf"\n')
        write('confd/templates/app.tmpl', 'x')
        write('app.tmpl', 'x')
        Path script = write('site.groovy', "resource('app') { template 'app.tmpl'; dest 'out/app.conf' }\nconfd 'confd'\n")

        when:
        new DslLoader().load(script)

        then:
        DslException e = thrown()
        e.message.startsWith("(site.groovy, line 2) resource 'app' is declared twice: by the script and by a confd directory")
    }

    def "a confd directory that does not exist is an error at its line"() {
        given:
        Path script = write('site.groovy', "\nconfd 'nowhere'\n")

        when:
        new DslLoader().load(script)

        then:
        DslException e = thrown()
        e.message.startsWith("(site.groovy, line 2) Cannot load template resources: confdir '" + dir.resolve('nowhere'))
    }
}
