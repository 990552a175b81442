package org.confdsl.dsl

import groovy.transform.TypeChecked
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.MultipleCompilationErrorsException
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * Every example compiles with static type checking: proof that each DSL word resolves without
 * running the script, which is what an IDE needs to complete it.
 */
class ExamplesTypeCheckSpec extends Specification {

    static List<Path> examples() {
        Path root = Path.of('..', 'dsl-examples').toAbsolutePath().normalize()
        assert Files.isDirectory(root): "examples not found at $root"
        Files.walk(root).withCloseable { s -> s.filter { it.toString().endsWith('.groovy') }.sorted().toList() }
    }

    static GroovyClassLoader typeCheckingLoader() {
        def config = new CompilerConfiguration()
        config.scriptBaseClass = ConfdslScript.name
        config.addCompilationCustomizers(new ASTTransformationCustomizer(TypeChecked))
        new GroovyClassLoader(ConfdslScript.classLoader, config)
    }

    def "there are examples to check"() {
        expect:
        examples().size() >= 3
        examples()*.fileName*.toString().contains('etcd_upstreams.groovy')
    }

    def "every form of the etcd word compiles with static type checking"() {
        when:
        typeCheckingLoader().parseClass('''
            store etcd('http://127.0.0.1:2379', 'http://127.0.0.1:22379')
            store etcd(['https://a:2379', 'https://b:2379']) { ca 'ca.pem' }
            store etcd('https://127.0.0.1:2379') {
                user 'root'
                password env: 'ETCD_PASSWORD'
                password file: '/run/secrets/etcd'
                password 'literal'
                ca 'certs/ca.pem'
                cert 'certs/client.pem'
                key 'certs/client-key.pem'
                timeout '5s'
            }
        ''', 'etcd_forms.groovy')

        then:
        noExceptionThrown()
    }

    def "#example.fileName compiles with static type checking"() {
        when:
        typeCheckingLoader().parseClass(example.toFile())

        then:
        noExceptionThrown()

        where:
        example << examples()
    }

    def "static type checking does reject a word the DSL does not have"() {
        when:
        typeCheckingLoader().parseClass("resource('a') { destination '/x' }", 'bad.groovy')

        then:
        MultipleCompilationErrorsException e = thrown()
        e.message.contains('destination')
    }
}
