package org.confdsl.sync.internal

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** How many of its own symlinks confdsl follows to a destination: 40, as the kernel's limit for a path. */
class DestinationPathLinksSpec extends Specification {

    @TempDir
    Path dir

    def "a chain of #links links #outcome"() {
        given: 'link0 -> link1 -> ... -> target'
        Path target = dir.resolve('target.conf')
        Path first = chain(links, target)

        when:
        Path resolved = resolveOrMessage(first)

        then:
        resolved == (links <= 40 ? target : null)
        message == (links <= 40 ? null : "cannot write " + first + ": more than 40 symlinks (a loop?)")

        where:
        links || outcome
        1     || 'is followed to its target'
        40    || 'is followed to its target'
        41    || 'is refused as a loop'
    }

    def "a loop is refused, not followed forever"() {
        given:
        Path a = dir.resolve('a.conf')
        Path b = dir.resolve('b.conf')
        Files.createSymbolicLink(a, b)
        Files.createSymbolicLink(b, a)

        when:
        DestinationPath.resolve(a)

        then:
        StepException e = thrown()
        e.message == "cannot write " + a + ": more than 40 symlinks (a loop?)"
    }

    String message

    private Path resolveOrMessage(Path dest) {
        try {
            return DestinationPath.resolve(dest)
        } catch (StepException e) {
            message = e.message
            return null
        }
    }

    private Path chain(int links, Path target) {
        Path next = target
        for (int i = links - 1; i >= 0; i--) {
            Path link = dir.resolve("link" + i)
            Files.createSymbolicLink(link, next.fileName)
            next = link
        }
        return next
    }
}
