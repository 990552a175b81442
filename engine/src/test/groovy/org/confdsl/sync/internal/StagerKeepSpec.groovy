package org.confdsl.sync.internal

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** A stage file kept for inspection gets a name recovery leaves alone; anything else stays as it is. */
class StagerKeepSpec extends Specification {

    @TempDir
    Path dir

    def "keeping #name leaves #after"() {
        given:
        Path staged = Files.writeString(dir.resolve(name), 'candidate')

        when:
        Stager.keep(staged)

        then:
        Files.list(dir).withCloseable { it.collect { it.fileName.toString() } } == [after]
        Files.readString(dir.resolve(after)) == 'candidate'

        where:
        name                        || after
        '.app.conf.confdsl-123'     || '.app.conf.confdsl-kept-123'
        '.a.confdsl-b.confdsl-9'    || '.a.confdsl-kept-b.confdsl-9'    // the first mark counts
        '.confdsl-1'                || '.confdsl-kept-1'                // the mark at the very start
        'app.conf'                  || 'app.conf'                       // no mark: not a stage file
    }

    def "a stage file already gone is not an error"() {
        when:
        Stager.keep(dir.resolve('.app.conf.confdsl-gone'))

        then:
        notThrown(Exception)
        Files.list(dir).withCloseable { it.count() } == 0
    }
}
