package org.confdsl.template.internal

import org.confdsl.template.internal.Segment.Kind
import spock.lang.Specification

/** Where embedded code ends (strings, GStrings, slashy strings, comments), and each never-closed construct. */
class TemplateScanSpec extends Specification {

    def "#what: '#template' holds the code '#code'"() {
        expect:
        TemplateTokenizer.tokenize(template)[0] == new Segment(kind, code, 1)

        where:
        what                          | template                          || kind            | code
        '} in a double-quoted string' | '${ "}" }'                        || Kind.EXPRESSION | ' "}" '
        "} in a single-quoted string" | "\${ '}' }"                       || Kind.EXPRESSION | " '}' "
        'nested braces'               | '${ m.collect { it } }'           || Kind.EXPRESSION | ' m.collect { it } '
        '%> in a string'              | '<% x = "%>" %>'                  || Kind.CODE       | ' x = "%>" '
        '%> in a slashy string'       | '<% y = /a%>b/ %>'                || Kind.CODE       | ' y = /a%>b/ '
        'a division is not slashy'    | '<% z = 4 / 2 %>'                 || Kind.CODE       | ' z = 4 / 2 '
        'a triple-quoted string'      | '<% s = """a\n%>b""" %>'          || Kind.CODE       | ' s = """a\n%>b""" '
        'a GString expression'        | '<% s = "${ "%>" }" %>'           || Kind.CODE       | ' s = "${ "%>" }" '
        'an escaped quote'            | '<% s = "a\\"%>" %>'              || Kind.CODE       | ' s = "a\\"%>" '
        'a block comment'             | '${ a /* } */ }'                  || Kind.EXPRESSION | ' a   '
        'a line comment cut by %>'    | '<% a // x %>b'                   || Kind.CODE       | ' a '
        '<%= %> is an expression'     | '<%= a %>'                        || Kind.EXPRESSION | ' a '
        'a lone $ is text'            | 'cost $'                          || Kind.TEXT       | 'cost $'
        'a lone < is text'            | 'a < b % c <'                     || Kind.TEXT       | 'a < b % c <'
    }

    def "text after code is its own segment on its own line"() {
        expect:
        TemplateTokenizer.tokenize('<% a // x %>b\nc') == [new Segment(Kind.CODE, ' a ', 1), new Segment(Kind.TEXT, 'b\nc', 1)]
        TemplateTokenizer.tokenize('a\n<%-- x --%>') == [new Segment(Kind.TEXT, 'a\n', 1), new Segment(Kind.COMMENT, '', 2)]
    }

    def "#what is refused at line #line: #message"() {
        when:
        TemplateTokenizer.tokenize(template)

        then:
        TemplateSyntaxException e = thrown()
        e.message == message
        e.line() == line

        where:
        what                        | template               || line | message
        'unclosed ${'               | 'x\n${ a'              || 2    | "'\${' is never closed (missing '}')"
        'unclosed <%'               | 'x\n<% a'              || 2    | "'<%' is never closed (missing '%>')"
        'unclosed <%--'             | 'x\n\n<%-- a'          || 3    | "comment '<%--' is never closed (missing '--%>')"
        'empty ${}'                 | '${}'                  || 1    | 'empty expression ${}'
        'blank ${ }'                | 'a\n${  }'             || 2    | 'empty expression ${}'
        'empty <%= %>'              | '<%= %>'               || 1    | 'empty expression <%= %>'
        'a string across lines'     | '<% "abc\n %>'         || 1    | 'string is never closed'
        'unclosed block comment'    | '\n<% /* x %>'         || 2    | "comment '/*' is never closed"
        'unclosed slashy string'    | '<% x = /abc %>'       || 1    | 'slashy string is never closed'
        'unclosed triple quote'     | '<% s = """abc %>'     || 1    | 'string is never closed'
        'a comment closed by itself' | '<%--%>'             || 1    | "comment '<%--' is never closed (missing '--%>')"
        'a % at the very end'       | '<% a %'               || 1    | "'<%' is never closed (missing '%>')"
        'a / at the very end'       | '<% a /'               || 1    | "'<%' is never closed (missing '%>')"
        'a // comment to the end'   | '\n${ a // }'          || 2    | "'\${' is never closed (missing '}')"
        'a $ at the end of a string' | '<% "a$'             || 1    | 'string is never closed'
        'a \\ at the end of a string' | '<% "a\\'         || 1    | 'string is never closed'
    }
}
