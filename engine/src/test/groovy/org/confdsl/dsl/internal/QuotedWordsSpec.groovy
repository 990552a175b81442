package org.confdsl.dsl.internal

import spock.lang.Specification

/** Text and values fed piece by piece: values are data, and the shown words carry masks, never values. */
class QuotedWordsSpec extends Specification {

    def "#what: words #words, shown #shown"() {
        expect:
        build(pieces).words() == words
        build(pieces).shown() == shown

        where:
        what                           | pieces                                                   || words                           | shown
        'a value is one word'          | [['echo '], ['a b "c"', '***'], [' x']]                  || ['echo', 'a b "c"', 'x']        | ['echo', '***', 'x']
        'a value joins its word'       | [['--name='], ['v v', '<v>'], ['.conf']]                 || ['--name=v v.conf']             | ['--name=<v>.conf']
        'a value inside quotes'        | [['"x '], ['v', 'm'], ['"']]                             || ['x v']                         | ['x m']
        'two words with values'        | [['a '], ['1', 'm1'], [' b '], ['2', 'm2']]              || ['a', '1', 'b', '2']            | ['a', 'm1', 'b', 'm2']
        'an operator as a value'       | [['echo '], ['|', '<v>']]                                || ['echo', '|']                   | ['echo', '<v>']
        'an empty value is a word'     | [['echo '], ['', '<v>']]                                 || ['echo', '']                    | ['echo', '<v>']
        'a trailing backslash stays'   | [['echo a\\']]                                           || ['echo', 'a\\']                 | ['echo', 'a\\']
        'text only'                    | [['nginx -s reload']]                                    || ['nginx', '-s', 'reload']       | ['nginx', '-s', 'reload']
    }

    def "an operator in the text is refused, and the message shows the masks, not the values"() {
        when:
        new QuotedWords().text('echo ').value('s3cret', '***').text(' && true').words()

        then:
        DslProblem e = thrown()
        e.message == "command 'echo *** && true' uses '&&', which only a shell understands; add shell: true, e.g. check '...', shell: true"
        !e.message.contains('s3cret')
    }

    def "an unclosed quote is refused by shown() too, naming the masked command"() {
        when:
        new QuotedWords().text('echo "').value('s3cret', '***').shown()

        then:
        DslProblem e = thrown()
        e.message == "command 'echo \"***' has an unclosed \" quote"
    }

    private static QuotedWords build(List<List<String>> pieces) {
        QuotedWords q = new QuotedWords()
        pieces.each { p -> p.size() == 1 ? q.text(p[0]) : q.value(p[0], p[1]) }
        q
    }
}
