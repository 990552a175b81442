package org.confdsl.dsl.internal

import java.time.Duration
import org.confdsl.model.CommandSpec
import spock.lang.Specification

/** A check or reload as written: its options, its words, and what it refuses. */
class CommandDeclSpec extends Specification {

    static final Set<String> CHECK = ['shell', 'timeout', 'inPlace'] as Set

    def "#command with #options reads as #expected"() {
        expect:
        CommandDecl.of('check', options, command, CHECK) == expected

        where:
        command                  | options                             || expected
        'nginx -t'               | [:]                                 || new CommandDecl(['nginx', '-t'], false, Optional.empty(), false)
        '  nginx -t  '           | [shell: true]                       || new CommandDecl(['nginx -t'], true, Optional.empty(), false)
        'a && b'                 | [shell: true]                       || new CommandDecl(['a && b'], true, Optional.empty(), false)
        'nginx -t'               | [shell: false, inPlace: false]      || new CommandDecl(['nginx', '-t'], false, Optional.empty(), false)
        'nginx -t'               | [inPlace: true]                     || new CommandDecl(['nginx', '-t'], false, Optional.empty(), true)
        ['nginx', 1, 'a b']      | [:]                                 || new CommandDecl(['nginx', '1', 'a b'], false, Optional.empty(), false)
        'nginx -t'               | [timeout: '5s']                     || new CommandDecl(['nginx', '-t'], false, Optional.of(Duration.ofSeconds(5)), false)
        'nginx -t'               | [timeout: Duration.ofMillis(300)]   || new CommandDecl(['nginx', '-t'], false, Optional.of(Duration.ofMillis(300)), false)
    }

    def "#command with #options is refused: #message"() {
        when:
        CommandDecl.of('check', options, command, CHECK)

        then:
        DslProblem e = thrown()
        e.message == message

        where:
        command       | options              || message
        ['a', 'b']    | [shell: true]        || 'check with shell: true takes one command line string, not a list'
        'x'           | [shell: 'yes']       || "check option shell: takes true or false, not 'yes'"
        'x'           | [inPlace: 1]         || "check option inPlace: takes true or false, not '1'"
        'x'           | [retries: 3]         || "check has no option 'retries'; it takes inPlace, shell, timeout"
        'x'           | [timeout: 'soon']    || "check option timeout: 'soon' is not a duration; write e.g. 500ms, 10s, 1m30s or 2h"
        ''            | [:]                  || "check needs a command, e.g. check 'nginx -s reload'"
        '   '         | [shell: true]        || "check needs a command, e.g. check 'nginx -s reload'"
        []            | [:]                  || "check needs a command, e.g. check 'nginx -s reload'"
        [' ', 'x']    | [:]                  || "check needs a command, e.g. check 'nginx -s reload'"
    }

    def "the resource's timeout applies where the command has none"() {
        expect:
        CommandDecl.of('reload', [:], 'x', CHECK).toSpec(Duration.ofSeconds(9)) == new CommandSpec(['x'], false, Duration.ofSeconds(9))
        CommandDecl.of('reload', [timeout: '1s', shell: true], 'x y', CHECK).toSpec(Duration.ofSeconds(9)) ==
                new CommandSpec(['x y'], true, Duration.ofSeconds(1))
    }
}
