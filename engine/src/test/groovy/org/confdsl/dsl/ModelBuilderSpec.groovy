package org.confdsl.dsl

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.confdsl.model.CommandSpec
import org.confdsl.model.Debounce
import org.confdsl.model.RenderLimits
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The layering of ModelBuilder, one setting per row: the built-in default, then {@code defaults {}},
 * then the resource's own word; and the destination and template checks.
 */
class ModelBuilderSpec extends Specification {

    @TempDir
    Path dir

    def model(String text) {
        Files.writeString(dir.resolve('app.tmpl'), 'x')
        Path p = dir.resolve('site.groovy')
        Files.writeString(p, text)
        new DslLoader().load(p)
    }

    def "every setting: built-in, then defaults, then the resource's word"() {
        when:
        def m = model('''
            defaults {
                mode '0600'; owner 'www-data'; group 'www'; timeout '30s'; mkdirs true
                wait '20ms', '100ms'; renderTimeout '3s'; renderMaxSize '1KB'
            }
            resource('inherits') { template 'app.tmpl'; dest 'i.conf'; check 'true'; reload 'true' }
            resource('own') {
                template 'app.tmpl'; dest 'o.conf'; check 'true', timeout: '4s'; reload 'true'
                mode '0640'; owner 'root'; group 'wheel'; timeout '2s'; mkdirs false
                wait '5ms', '50ms'; renderTimeout '1s'; renderMaxSize '2KB'
            }
        ''')
        def (inherits, own) = m.resources()

        then:
        inherits.mode().asInt == 0600
        inherits.owner() == Optional.of('www-data')
        inherits.group() == Optional.of('www')
        inherits.check().get().timeout() == Duration.ofSeconds(30)
        inherits.reload().get().timeout() == Duration.ofSeconds(30)
        inherits.mkdirs()
        inherits.debounce() == new Debounce(Duration.ofMillis(20), Duration.ofMillis(100))
        inherits.render() == new RenderLimits(Duration.ofSeconds(3), 1024)

        own.mode().asInt == 0640
        own.owner() == Optional.of('root')
        own.group() == Optional.of('wheel')
        own.check().get().timeout() == Duration.ofSeconds(4)
        own.reload().get().timeout() == Duration.ofSeconds(2)
        !own.mkdirs()
        own.debounce() == new Debounce(Duration.ofMillis(5), Duration.ofMillis(50))
        own.render() == new RenderLimits(Duration.ofSeconds(1), 2048)
    }

    def "without defaults: no mode, owner or group, the built-in timeout, wait and limits, every key"() {
        when:
        def r = model("resource('a') { template 'app.tmpl'; dest 'a.conf'; check 'nginx -t' }").resources()[0]

        then:
        r.mode().isEmpty()
        r.owner().isEmpty()
        r.group().isEmpty()
        r.check().get() == new CommandSpec(['nginx', '-t'], false, CommandSpec.DEFAULT_TIMEOUT)
        !r.checkInPlace()
        r.reload().isEmpty()
        !r.mkdirs()
        r.debounce() == Debounce.DEFAULT
        r.render() == RenderLimits.DEFAULT
        r.keys() == ['/']
        r.prefix() == '/'
    }

    def "a dest that is a directory is refused, with the file to name instead"() {
        given:
        Files.createDirectories(dir.resolve('conf.d'))

        when:
        model("resource('web') {\n template 'app.tmpl'\n dest 'conf.d'\n}")

        then:
        DslException e = thrown()
        e.message == "(site.groovy, line 1) resource 'web': dest ${dir.resolve('conf.d')} is a directory; name the file, e.g. dest '${dir.resolve('conf.d/web.conf')}'"
        e.line() == 1
    }

    def "a template path that is a directory is not a template"() {
        given:
        Files.createDirectories(dir.resolve('templates'))

        when:
        model("\nresource('web') {\n template 'templates'\n dest 'web.conf'\n}")

        then:
        DslException e = thrown()
        e.message == "(site.groovy, line 2) resource 'web': template 'templates' not found at ${dir.resolve('templates')}; template paths are relative to the script"
    }

    def "a resource without dest or template says what to add"() {
        when:
        model("resource('web') {\n template 'app.tmpl'\n}")

        then:
        DslException e = thrown()
        e.message == "(site.groovy, line 1) resource 'web' has no dest; add e.g. dest '/etc/nginx/conf.d/web.conf'"

        when:
        model("resource('web') {\n dest 'x'\n}")

        then:
        DslException t = thrown()
        t.message == "(site.groovy, line 1) resource 'web' has no template; add e.g. template 'web.tmpl'"
    }
}
