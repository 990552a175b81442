package org.confdsl.confd

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** defaults -> confd.toml -> CONFD_CLIENT_* -> flags. */
class ConfdSettingsSpec extends Specification {

    @TempDir
    Path dir

    def "confd's defaults"() {
        when:
        def s = new ConfdSettingsBuilder().configFile(dir.resolve('missing.toml')).environment([:]).build()

        then:
        s.confdir() == Path.of('/etc/confd')
        s.backend() == 'etcd'
        s.intervalSeconds() == 600
        !s.onetime() && !s.watch() && !s.noop()
    }

    def "confd.toml, then the environment, then flags"() {
        given:
        Path file = dir.resolve('confd.toml')
        Files.writeString(file, '''\
confdir = "/srv/confd"
backend = "file"
file = ["/srv/keys.yaml"]
interval = 30
noop = true
log-level = "debug"
client_cert = "/c.pem"
nodes = ["http://10.0.0.1:2379"]
something_else = 1
''')

        when:
        def s = new ConfdSettingsBuilder().configFile(file)
                .environment([CONFD_CLIENT_CERT: '/env-cert.pem', CONFD_CLIENT_KEY: '/env-key.pem'])
                .backend('etcd').interval(5).build()

        then:
        s.confdir() == Path.of('/srv/confd')
        s.backend() == 'etcd'
        s.intervalSeconds() == 5
        s.noop()
        s.logLevel() == 'debug'
        s.clientCert() == Optional.of(Path.of('/c.pem'))
        s.clientKey() == Optional.of(Path.of('/env-key.pem'))
        s.nodes() == ['http://10.0.0.1:2379']
        s.files() == [Path.of('/srv/keys.yaml')]
    }

    def "an unknown backend names the ones confdsl reads"() {
        when:
        new ConfdSettingsBuilder().backend('consul').build()

        then:
        ConfdException e = thrown()
        e.message == 'Invalid backend: consul; confdsl reads etcd, etcdv3, file, env (-backend etcd is etcd\'s v3 API, as confd\'s)'
    }

    def "the file backend needs a file"() {
        when:
        new ConfdSettingsBuilder().backend('file').build()

        then:
        ConfdException e = thrown()
        e.message.startsWith('-backend file needs -file FILE')
    }
}
