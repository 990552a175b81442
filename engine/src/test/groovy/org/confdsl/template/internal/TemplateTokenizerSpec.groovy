package org.confdsl.template.internal

import org.confdsl.template.internal.Segment.Kind
import spock.lang.Specification
import spock.lang.Unroll

class TemplateTokenizerSpec extends Specification {

    def "segments carry their kind, text and starting line"() {
        expect:
        TemplateTokenizer.tokenize('a $b\n${x}\n<% y %><%= z %><%-- c\n--%>end') == [
                new Segment(Kind.TEXT, 'a $b\n', 1),
                new Segment(Kind.EXPRESSION, 'x', 2),
                new Segment(Kind.TEXT, '\n', 2),
                new Segment(Kind.CODE, ' y ', 3),
                new Segment(Kind.EXPRESSION, ' z ', 3),
                new Segment(Kind.COMMENT, '\n', 3),
                new Segment(Kind.TEXT, 'end', 4),
        ]
    }

    def "comments inside code are removed but their newlines kept"() {
        expect:
        TemplateTokenizer.tokenize('<% a // c %>')[0].text() == ' a '
        TemplateTokenizer.tokenize('<% a /* x\ny */ b %>')[0].text() == ' a  \n b '
        TemplateTokenizer.tokenize('${ a // c\n}')[0].text() == ' a \n'
    }

    @Unroll
    def "generated line N is template line N: #name"() {
        given:
        String source = GroovySourceGenerator.generate(TemplateTokenizer.tokenize(template))

        expect:
        source.count('\n') == template.count('\n')

        where:
        name        | template
        'text'      | 'a\nb\n\nc'
        'scenario'  | 'upstream ${getv("/s")} {\n<% getvs("/u/*").each { %>    server ${it};\n<% } %>}\n'
        'multiline' | '<% def x = [\n1,\n2] %>\n${x.collect {\n it }\n}\n<%-- \n\n --%>\n'
        'long line' | ('x' * 20000) + '\n' + ('y' * 9000)
    }

    def "text is escaped so that Groovy sees it literally"() {
        expect:
        GroovySourceGenerator.generate(TemplateTokenizer.tokenize('\'\\$x\r\t\u0001')) ==
                "this.__text('\\'\\\\\$x\\r\\u0009\\u0001');"
    }
}
