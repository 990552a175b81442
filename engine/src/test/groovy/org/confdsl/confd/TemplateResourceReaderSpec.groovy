package org.confdsl.confd

import java.nio.file.Files
import java.nio.file.Path
import org.confdsl.model.TemplateSyntax
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

/** conf.d TOML as confd's NewTemplateResource reads it. */
class TemplateResourceReaderSpec extends Specification {

    @TempDir
    Path dir

    Path toml(String text) {
        Path f = dir.resolve('r.toml')
        Files.writeString(f, text)
        f
    }

    TemplateResourceReader reader(String prefix = null) {
        new TemplateResourceReader(dir.resolve('templates'), Optional.ofNullable(prefix))
    }

    def "every field of a [template] table, unknown keys ignored"() {
        when:
        def r = reader().read('cloud', toml('''\
[template]
src = "cloud.conf.tmpl"
dest = "/etc/nginx/conf.d/cloud.conf"
keys = ["/subdomain", "upstream", "/"]
prefix = "cloud"
mode = "0640"
uid = 0
gid = 33
check_cmd = "nginx -t -c {{.src}}"
reload_cmd = "nginx -s reload"
owner = "www-data"
'''))

        then:
        r.name() == 'cloud'
        r.syntax() == TemplateSyntax.GO
        r.prefix() == '/cloud'
        r.keys() == ['/subdomain', '/upstream', '/']
        r.confdKeys() == ['/cloud/subdomain', '/cloud/upstream', '/cloud']
        r.template() == dir.resolve('templates/cloud.conf.tmpl')
        r.dest() == Path.of('/etc/nginx/conf.d/cloud.conf')
        r.mode().asInt == 0640
        r.owner() == Optional.of('0')
        r.group() == Optional.of('33')
        r.check().get().shell()
        r.check().get().argv() == ['nginx -t -c {{.src}}']
        r.reload().get().argv() == ['nginx -s reload']
        !r.checkInPlace()
    }

    def "the command line's prefix replaces the file's, as confd's -prefix does"() {
        expect:
        reader('/other').read('x', toml('[template]\nsrc = "a"\ndest = "/tmp/a"\nprefix = "/cloud"\nkeys = ["/k"]\n')).confdKeys() == ['/other/k']
    }

    def "keys at the top level are read with a warning that confd itself refuses the file"() {
        given:
        List<String> warnings = []

        when:
        def r = reader().read('cloud', toml('prefix = "/cloud"\nsrc = "cloud.conf.tmpl"\ndest = "/tmp/c"\nkeys = ["/a"]\n'), warnings::add)

        then:
        r.prefix() == '/cloud'
        warnings.size() == 1
        warnings[0].contains("confd itself stops with 'empty src template' on this file: add the line [template] at the top")
    }

    @Unroll
    def "#why is an error naming the file"() {
        when:
        reader().read('x', toml(text))

        then:
        ConfdException e = thrown()
        e.message.contains(dir.resolve('r.toml').toString())
        e.message.contains(message)

        where:
        why                  | text                                                       | message
        'no src'             | '[template]\ndest = "/tmp/a"\n'                            | 'empty src template'
        'no table'           | 'other = 1\n'                                              | 'empty src template'
        'no dest'            | '[template]\nsrc = "a"\n'                                  | 'empty dest'
        'a numeric mode'     | '[template]\nsrc = "a"\ndest = "/tmp/a"\nmode = 420\n'     | 'cannot load TOML value of type int64 into a Go string'
        'a bad mode'         | '[template]\nsrc = "a"\ndest = "/tmp/a"\nmode = "rw"\n'    | 'strconv.ParseUint: parsing "rw": invalid syntax'
        'keys not a list'    | '[template]\nsrc = "a"\ndest = "/tmp/a"\nkeys = "/a"\n'    | 'into a Go []string'
        'TOML syntax'        | '[template\n'                                              | 'line 1'
    }

    @Unroll
    def "mode '#mode' is #expected as Go's ParseUint(mode, 0, 32)"() {
        expect:
        TemplateResourceReader.mode(dir, mode).asInt == expected

        where:
        mode    | expected
        '0644'  | 0644
        '0o600' | 0600
        '0x1a4' | 0644
        '420'   | 0644
        '644'   | 644   // decimal, as confd reads it
    }
}
