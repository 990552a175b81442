package org.confdsl.dsl.internal

import spock.lang.Specification

/** How a command line without {@code shell: true} becomes words, and what it refuses. */
class CommandWordsSpec extends Specification {

    def "'#line' splits into #words"() {
        expect:
        CommandWords.split(line) == words

        where:
        line                                   | words
        'nginx -t -q'                          | ['nginx', '-t', '-q']
        '  nginx   -t  '                       | ['nginx', '-t']
        'nginx -c "/etc/my nginx.conf"'        | ['nginx', '-c', '/etc/my nginx.conf']
        "echo 'a \"b\" c'"                     | ['echo', 'a "b" c']
        'echo "a \\"b\\" c"'                   | ['echo', 'a "b" c']
        'echo a\\ b'                           | ['echo', 'a b']
        "echo ''"                              | ['echo', '']
        'echo x\'y z\'w'                       | ['echo', 'xy zw']
        "echo 'a\\b'"                          | ['echo', 'a\\b']
        'echo a|b'                             | ['echo', 'a|b']
        "echo '|'"                             | ['echo', '|']
        'echo \\|'                             | ['echo', '|']
        ''                                     | []
    }

    def "a lone '#operator' needs a shell, and the message says so"() {
        when:
        CommandWords.split("nginx -t $operator true")

        then:
        DslProblem e = thrown()
        e.message == "command 'nginx -t $operator true' uses '$operator', which only a shell understands; add shell: true, e.g. check '...', shell: true"

        where:
        operator << ['&&', '||', '|', ';', '>', '>>', '<', '&', '2>&1']
    }

    def "an unclosed #quote quote is an error naming the command"() {
        when:
        CommandWords.split(line)

        then:
        DslProblem e = thrown()
        e.message == "command '$line' has an unclosed $quote quote"

        where:
        line              | quote
        "echo 'abc"       | "'"
        'echo "abc'       | '"'
    }
}
