package org.confdsl.gotemplate

import spock.lang.Specification

/**
 * Every construct, builtin, printf verb and error of Go's text/template that confd templates use,
 * one row each, compared with what Go 1.19's own text/template printed for the same template and
 * data (golden.jsonl; see GoldenCases for how it was recorded).
 */
class GoTemplateGoldenSpec extends Specification {

    def "#c.name renders as Go renders it"() {
        when:
        List<String> actual = GoldenCases.run(c)

        then:
        actual[0] == c.kind
        actual[1] == c.out

        where:
        c << GoldenCases.load()
    }
}
