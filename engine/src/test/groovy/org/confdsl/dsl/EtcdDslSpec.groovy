package org.confdsl.dsl

import org.confdsl.model.Secret
import org.confdsl.model.StoreModel
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/** The {@code store etcd(...)} word and its block: every word, every mistake with its line. */
class EtcdDslSpec extends Specification {

    @TempDir
    Path dir

    static final String RESOURCE = "\nresource('a') { template 'app.tmpl'; dest 'a.conf' }\n"

    Path script(String text) {
        Files.writeString(dir.resolve('app.tmpl'), 'x')
        Path p = dir.resolve('site.groovy')
        Files.writeString(p, text)
        p
    }

    StoreModel.Etcd load(String storeLines) {
        (StoreModel.Etcd) new DslLoader().load(script(storeLines + RESOURCE)).store()
    }

    def "endpoints alone give a plain store with default timeouts"() {
        expect:
        load("store etcd('http://127.0.0.1:2379', 'HTTP://127.0.0.1:22379/')") ==
                StoreModel.Etcd.of(['http://127.0.0.1:2379', 'http://127.0.0.1:22379'])
        load("store etcd(['http://127.0.0.1:2379'])") == StoreModel.Etcd.of(['http://127.0.0.1:2379'])
    }

    def "every word of the block, paths relative to the script"() {
        when:
        def etcd = load('''
            store etcd('https://127.0.0.1:2379') {
                user     'root'
                password env: 'ETCD_PASSWORD'
                ca       'certs/ca.pem'
                cert     'certs/client.pem'
                key      'certs/client-key.pem'
                timeout  '7s'
            }''')

        then:
        etcd.endpoints() == ['https://127.0.0.1:2379']
        etcd.user().get() == 'root'
        etcd.password().get() == Secret.env('ETCD_PASSWORD')
        etcd.caFile().get() == dir.resolve('certs/ca.pem')
        etcd.certFile().get() == dir.resolve('certs/client.pem')
        etcd.keyFile().get() == dir.resolve('certs/client-key.pem')
        etcd.connectTimeout() == Duration.ofSeconds(7)
        etcd.requestTimeout() == Duration.ofSeconds(7)
    }

    def "a password from a file (relative to the script) or a literal; a user alone; https without ca"() {
        expect:
        load("store etcd('https://127.0.0.1:2379') { user 'u'; password file: 'secrets/etcd' }").password().get() ==
                Secret.file(dir.resolve('secrets/etcd'))
        load("store etcd('http://127.0.0.1:2379') { user 'u'; password 'hunter2' }").password().get() ==
                Secret.literal('hunter2')
        load("store etcd('http://127.0.0.1:2379') { user 'u' }").password().isEmpty()
        load("store etcd('https://127.0.0.1:2379') { timeout '1s' }").caFile().isEmpty()
        load("store etcd(['https://a.example:2379', 'https://b.example:2379']) { ca 'ca.pem' }").endpoints() ==
                ['https://a.example:2379', 'https://b.example:2379']
    }

    def "the literal password never shows in the model's text"() {
        expect:
        !load("store etcd('http://127.0.0.1:2379') { user 'u'; password 'hunter2' }").toString().contains('hunter2')
    }

    def "loading reads no password file, no environment, no certificate, and connects nowhere"() {
        given: 'files that do not exist, a variable that is not set, an endpoint nobody listens on'
        def path = script("""
            store etcd('https://127.0.0.1:1') {
                user 'root'
                password file: 'missing/secret'
                ca 'missing/ca.pem'; cert 'missing/c.pem'; key 'missing/k.pem'
            }
            resource('a') { template 'app.tmpl'; dest 'out/a.conf'; mkdirs true }
        """)
        def before = Files.list(dir).map { it.fileName.toString() }.sorted().toList()

        when:
        def model = new DslLoader().load(path)

        then:
        model.store() instanceof StoreModel.Etcd
        Files.list(dir).map { it.fileName.toString() }.sorted().toList() == before

        when: 'the secret is read only on demand'
        ((StoreModel.Etcd) model.store()).password().get().reveal()

        then:
        IllegalStateException e = thrown()
        e.message.contains('missing/secret')
    }

    def "mistake #what is reported with the script name and line"() {
        when:
        new DslLoader().load(script(text + RESOURCE))

        then:
        DslException e = thrown()
        e.message.startsWith("(site.groovy, line $line) ")
        e.message.contains(message)
        e.line() == line

        where:
        what                 | line | message                                                                   | text
        'no scheme'          | 2    | "etcd endpoint '127.0.0.1:2379' has no scheme; write 'http://127.0.0.1:2379'" | "// etcd\nstore etcd('127.0.0.1:2379')"
        'wrong scheme'       | 1    | "etcd endpoint 'grpc://h:2379' must start with http:// or https://"      | "store etcd('grpc://h:2379')"
        'no port'            | 1    | "etcd endpoint 'http://etcd' has no port; write e.g. 'http://etcd:2379'"  | "store etcd('http://etcd')"
        'a path'             | 1    | "must be only scheme, host and port; write 'http://h:2379'"               | "store etcd('http://h:2379/v3')"
        'no endpoint'        | 1    | "etcd needs at least one endpoint"                                        | "store etcd()"
        'mixed schemes'      | 1    | "etcd endpoints mix http:// and https://"                                 | "store etcd('http://a:1', 'https://b:2')"
        'cert without key'   | 1    | "cert is set without key; a client certificate needs its private key"     | "store etcd('https://h:2379') { cert 'c.pem' }"
        'key without cert'   | 2    | "key is set without cert"                                                 | "\nstore etcd('https://h:2379') { key 'k.pem' }"
        'password, no user'  | 1    | "password is set without user"                                            | "store etcd('http://h:2379') { password env: 'P' }"
        'tls on http'        | 1    | "TLS files (ca, cert) are set but the endpoints are http://; write https:// endpoints, e.g. 'https://h:2379'" | "store etcd('http://h:2379') { ca 'ca.pem' }"
        'two sources'        | 3    | "password needs exactly one source, given [env, file]"                    | "store etcd('http://h:2379') {\n user 'u'\n password env: 'P', file: 'f'\n}"
        'two password lines' | 4    | "password is given twice (environment variable P, then file "            | "store etcd('http://h:2379') {\n user 'u'\n password env: 'P'\n password file: 'f'\n}"
        'unknown source'     | 2    | "password has no source 'vault'"                                          | "store etcd('http://h:2379') {\n password vault: 'x'\n}"
        'bad timeout'        | 2    | "'5 s' is not a duration"                                                 | "store etcd('http://h:2379') {\n timeout '5 s'\n}"
        'zero timeout'       | 1    | "the etcd timeout must be longer than zero"                               | "store etcd('http://h:2379') { timeout '0s' }"
        'unknown word'       | 3    | "unknown word 'endpoint' in etcd; the words here are: ca, cert, key, password, timeout, user" | "store etcd('http://h:2379') {\n user 'u'\n endpoint 'x'\n}"
        'empty user'         | 2    | "user needs a value"                                                      | "store etcd('http://h:2379') {\n user ''\n}"
        'list for a block'   | 1    | "several etcd endpoints with a block go in a list: etcd(['http://10.0.0.1:2379'" | "store etcd('http://a:1', 'http://b:2') { user 'u' }"
        'etcd in a resource' | 2    | "etcd cannot be declared inside resource 'b'"                             | "resource('b') {\n store etcd('http://h:2379') { }\n}"
    }

    def "a multi-line block's cross-word mistake names a line of the store declaration"() {
        when:
        new DslLoader().load(script("""
            store etcd('https://h:2379') {
                cert 'c.pem'
            }""" + RESOURCE))

        then:
        DslException e = thrown()
        e.line() in [2, 4]
        e.problem().startsWith('cert is set without key')
    }
}
