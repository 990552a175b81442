package org.confdsl.confd

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** conf.d is searched recursively for *toml files, in lexical order; a bad file does not stop the others. */
class ConfDirSpec extends Specification {

    @TempDir
    Path dir

    void write(String name, String text) {
        Path p = dir.resolve(name)
        Files.createDirectories(p.parent)
        Files.writeString(p, text)
    }

    def "resources from every *toml below conf.d, named by path; problems named by file"() {
        given:
        write('conf.d/b.toml', '[template]\nsrc = "b.tmpl"\ndest = "/tmp/b"\n')
        write('conf.d/web/a.toml', '[template]\nsrc = "a.tmpl"\ndest = "/tmp/a"\n')
        write('conf.d/a.toml.bak', 'ignored')
        write('conf.d/broken.toml', '[template]\ndest = "/tmp/x"\n')

        when:
        def loaded = new ConfDir(dir).load(Optional.empty())

        then:
        loaded.resources()*.name() == ['b', 'web-a']
        loaded.resources()*.template() == [dir.resolve('templates/b.tmpl'), dir.resolve('templates/a.tmpl')]
        loaded.problems().size() == 1
        loaded.problems()[0].startsWith('Cannot process template resource ' + dir.resolve('conf.d/broken.toml') + ' - empty src template')
    }

    def "a missing confdir says what to give"() {
        when:
        new ConfDir(dir.resolve('nope')).load(Optional.empty())

        then:
        ConfdException e = thrown()
        e.message == "Cannot load template resources: confdir '" + dir.resolve('nope') + "' does not exist; give the directory that holds conf.d/ and templates/ with -confdir"
    }
}
