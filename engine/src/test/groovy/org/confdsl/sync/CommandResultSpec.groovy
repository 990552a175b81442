package org.confdsl.sync

import org.confdsl.model.CommandSpec
import spock.lang.Specification

import java.time.Duration

/** The one line a command's result becomes in messages, and which outcomes count as failures. */
class CommandResultSpec extends Specification {

    static final CommandSpec SPEC = new CommandSpec(['nginx', '-t'], false, Duration.ofSeconds(60))

    def "exit #exitCode (timed out: #timedOut) with output #output is said as '#expected'"() {
        given:
        CommandResult result = new CommandResult(exitCode, timedOut, output, Duration.ofMillis(5))

        expect:
        result.describe('check', SPEC) == expected
        result.succeeded() == (exitCode == 0 && !timedOut)

        where:
        exitCode | timedOut | output                                     || expected
        0        | false    | ''                                         || "check 'nginx -t' succeeded"
        0        | true     | ''                                         || "check 'nginx -t' timed out after 1m and was killed"
        1        | false    | 'emerg: bad\n'                             || "check 'nginx -t' exited 1"
        127      | false    | "command 'nginx' not found"                || "check 'nginx -t' exited 127: command 'nginx' not found"
        127      | false    | ''                                         || "check 'nginx -t' exited 127"
        126      | false    | 'first\n  cannot run nginx: permission denied  \n' || "check 'nginx -t' exited 126: cannot run nginx: permission denied"
        126      | false    | '\nonly line\n'                            || "check 'nginx -t' exited 126: only line"
    }

    def "#outcome is a failure: #failure"() {
        expect:
        outcome.isFailure() == failure

        where:
        outcome                 || failure
        Outcome.IN_SYNC         || false
        Outcome.WOULD_UPDATE    || false
        Outcome.UPDATED         || false
        Outcome.CHECK_FAILED    || true
        Outcome.RELOAD_FAILED   || true
        Outcome.FAILED          || true
    }
}
