package org.confdsl.dsl

import java.nio.file.Path
import java.time.Duration
import org.confdsl.model.Secret
import org.confdsl.model.StoreModel
import spock.lang.Specification

/**
 * The etcd settings' rules called directly (EtcdDslSpec goes through a script): what each
 * endpoint becomes, and the exact message for each wrong combination.
 */
class EtcdValidationSpec extends Specification {

    def "endpoint '#url' becomes '#normalized'"() {
        expect:
        EtcdValidation.endpoint(url) == normalized

        where:
        url                         || normalized
        'http://127.0.0.1:2379'     || 'http://127.0.0.1:2379'
        '  http://h:2379  '         || 'http://h:2379'
        'HTTP://h:2379'             || 'http://h:2379'
        'HttpS://h:2379'            || 'https://h:2379'
        'http://h:2379/'            || 'http://h:2379'
        'https://[::1]:2379'        || 'https://[::1]:2379'
    }

    def "endpoint #url is refused: #message"() {
        when:
        EtcdValidation.endpoint(url)

        then:
        IllegalArgumentException e = thrown()
        e.message == message

        where:
        url                       || message
        null                      || "an etcd endpoint is empty; write e.g. 'http://127.0.0.1:2379' (https:// for TLS)"
        '   '                     || "an etcd endpoint is empty; write e.g. 'http://127.0.0.1:2379' (https:// for TLS)"
        'h:2379'                  || "etcd endpoint 'h:2379' has no scheme; write 'http://h:2379' (or https:// for TLS)"
        'http://h :2379'          || "etcd endpoint 'http://h :2379' is not a URL (Illegal character in authority); write e.g. 'http://127.0.0.1:2379' (https:// for TLS)"
        'grpc://h:2379'           || "etcd endpoint 'grpc://h:2379' must start with http:// or https://; write e.g. 'http://127.0.0.1:2379' (https:// for TLS)"
        'http://:2379'            || "etcd endpoint 'http://:2379' has no host; write e.g. 'http://127.0.0.1:2379' (https:// for TLS)"
        'https://h'               || "etcd endpoint 'https://h' has no port; write e.g. 'https://h:2379'"
        'http://h:2379/v3'        || "etcd endpoint 'http://h:2379/v3' must be only scheme, host and port; write 'http://h:2379'"
        'http://h:2379?x=1'       || "etcd endpoint 'http://h:2379?x=1' must be only scheme, host and port; write 'http://h:2379'"
        'http://h:2379#top'       || "etcd endpoint 'http://h:2379#top' must be only scheme, host and port; write 'http://h:2379'"
        'http://u:p@h:2379'       || "etcd endpoint 'http://u:p@h:2379' must be only scheme, host and port; write 'http://h:2379'"
    }

    def "endpoints: each normalized, at least one, one scheme"() {
        expect:
        EtcdValidation.endpoints(['HTTP://a:1/', 'http://b:2']) == ['http://a:1', 'http://b:2']
        EtcdValidation.endpoints(['https://a:1', 'https://b:2']) == ['https://a:1', 'https://b:2']

        when:
        EtcdValidation.endpoints([])

        then:
        IllegalArgumentException none = thrown()
        none.message == "etcd needs at least one endpoint; write e.g. etcd('http://127.0.0.1:2379')"

        when:
        EtcdValidation.endpoints(['https://a:1', 'http://b:2'])

        then:
        IllegalArgumentException mixed = thrown()
        mixed.message == "etcd endpoints mix http:// and https:// (https://a:1, http://b:2); use one scheme for every member"
    }

    def "a valid combination passes; the model is kept as it is when its endpoints were already normal"() {
        given:
        def etcd = etcd(['https://a:1'], user: 'u', password: 'p', ca: 'ca.pem', cert: 'c.pem', key: 'k.pem')

        expect:
        EtcdValidation.validate(etcd, EtcdValidation.Words.SCRIPT).is(etcd)
    }

    def "validate returns the endpoints normalized and every other setting unchanged"() {
        given:
        def etcd = etcd(['HTTPS://a:1/'], user: 'u', password: 'p', ca: 'ca.pem', cert: 'c.pem', key: 'k.pem',
                connect: Duration.ofSeconds(3), request: Duration.ofSeconds(7))

        when:
        def valid = EtcdValidation.validate(etcd, EtcdValidation.Words.SCRIPT)

        then:
        valid == new StoreModel.Etcd(['https://a:1'], etcd.user(), etcd.password(), etcd.caFile(), etcd.certFile(),
                etcd.keyFile(), Duration.ofSeconds(3), Duration.ofSeconds(7))
    }

    def "#what is refused, named in the caller's words: #message"() {
        given:
        def words = new EtcdValidation.Words('--user', '--password', '--ca', '--cert', '--key')

        when:
        EtcdValidation.validate(etcd(settings), words)

        then:
        IllegalArgumentException e = thrown()
        e.message == message

        where:
        what                  | settings                                                     || message
        'cert without key'    | [endpoints: ['https://h:1'], cert: 'c.pem']                   || "--cert is set without --key; a client certificate needs its private key, add --key too"
        'key without cert'    | [endpoints: ['https://h:1'], key: 'k.pem']                    || "--key is set without --cert; a client key needs its certificate, add --cert too"
        'password, no user'   | [endpoints: ['http://h:1'], password: 'p']                    || "--password is set without --user; etcd authenticates a user, add --user too"
        'ca on http'          | [endpoints: ['http://h:1'], ca: 'ca.pem']                     || "TLS files (--ca, --cert) are set but the endpoints are http://; write https:// endpoints, e.g. 'https://h:1'"
        'cert on http'        | [endpoints: ['http://h:1'], cert: 'c.pem', key: 'k.pem']      || "TLS files (--ca, --cert) are set but the endpoints are http://; write https:// endpoints, e.g. 'https://h:1'"
        'zero connect'        | [endpoints: ['http://h:1'], connect: Duration.ZERO]           || "the etcd timeout must be longer than zero; write e.g. '5s'"
        'negative connect'    | [endpoints: ['http://h:1'], connect: Duration.ofSeconds(-1)]  || "the etcd timeout must be longer than zero; write e.g. '5s'"
        'zero request'        | [endpoints: ['http://h:1'], request: Duration.ZERO]           || "the etcd timeout must be longer than zero; write e.g. '5s'"
        'negative request'    | [endpoints: ['http://h:1'], request: Duration.ofMillis(-1)]   || "the etcd timeout must be longer than zero; write e.g. '5s'"
    }

    def "a user without a password, and a plain http store without TLS files, are fine"() {
        expect:
        EtcdValidation.validate(etcd([endpoints: ['http://h:1'], user: 'u']), EtcdValidation.Words.SCRIPT).user() == Optional.of('u')
        EtcdValidation.validate(etcd([endpoints: ['https://h:1']]), EtcdValidation.Words.SCRIPT).endpoints() == ['https://h:1']
    }

    private static StoreModel.Etcd etcd(Map settings, List<String> endpoints) {
        etcd([endpoints: endpoints] + settings)
    }

    private static StoreModel.Etcd etcd(Map s) {
        new StoreModel.Etcd(s.endpoints as List<String>,
                Optional.ofNullable(s.user as String),
                Optional.ofNullable(s.password == null ? null : new Secret.Literal(s.password as String)),
                Optional.ofNullable(s.ca == null ? null : Path.of(s.ca as String)),
                Optional.ofNullable(s.cert == null ? null : Path.of(s.cert as String)),
                Optional.ofNullable(s.key == null ? null : Path.of(s.key as String)),
                (s.connect ?: Duration.ofSeconds(5)) as Duration,
                (s.request ?: Duration.ofSeconds(5)) as Duration)
    }
}
