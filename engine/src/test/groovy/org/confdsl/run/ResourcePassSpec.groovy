package org.confdsl.run

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import org.confdsl.model.Debounce
import org.confdsl.model.ResourceModel
import org.confdsl.store.MemoryStore
import org.confdsl.sync.CommandRunner
import org.confdsl.sync.Outcome
import org.confdsl.sync.PendingReloads
import org.confdsl.sync.SyncOptions
import org.confdsl.sync.SyncResult
import org.confdsl.sync.Syncer
import org.confdsl.template.TemplateException
import org.confdsl.template.TemplateRenderer
import spock.lang.Specification
import spock.lang.TempDir

/** One pass on the memory store: one read of the union of prefixes, each resource sees only its own keys. */
class ResourcePassSpec extends Specification {

    @TempDir
    Path dir

    MemoryStore store = new MemoryStore(['/a/x': '1', '/a/y': 'why', '/b/x': '2', '/c/x': '3'])
    ResourcePass pass = new ResourcePass(store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()))

    ResourceModel resource(String name, String prefix, List<String> keys, String template) {
        Path tmpl = Files.writeString(dir.resolve(name + '.tmpl'), template)
        new ResourceModel(name, prefix, keys, tmpl, dir.resolve(name + '.conf'), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, Debounce.DEFAULT, 1)
    }

    def "the snapshot reads the prefixes of every resource once, and nothing else"() {
        given:
        def a = resource('a', '/a', ['/'], 'x')
        def alsoA = resource('alsoA', '/a', ['/x'], 'x')
        def b = resource('b', '/b', ['/'], 'x')

        expect:
        ResourcePass.prefixesOf([a, alsoA, b]) == ['/a', '/a/x', '/b']
        ResourcePass.prefixesOf([a, a]) == ['/a']
        pass.snapshot([a, b]).entries() == ['/a/x': '1', '/a/y': 'why', '/b/x': '2']
        pass.snapshot([a, b]).revision() == store.revision()
    }

    def "each result goes to the listener in script order"() {
        given:
        // Without check or reload commands the two syncs may overlap (SyncScheduler); a resource
        // with a command waits for the results before it (SyncSchedulerTest).
        def a = resource('a', '/a', ['/'], 'a=${getv("/x")}')
        def b = resource('b', '/b', ['/'], 'b=${getv("/x")}')
        List<String> events = []

        when:
        def results = pass.run([a, b], SyncOptions.DEFAULT) { SyncResult r ->
            events << "${r.resource()} ${r.outcome()} own-written=${Files.exists(r.dest())}".toString()
        }

        then:
        results*.resource() == ['a', 'b']
        results*.outcome() == [Outcome.UPDATED, Outcome.UPDATED]
        events == ['a UPDATED own-written=true', 'b UPDATED own-written=true']
        Files.readString(a.dest()) == 'a=1'
        Files.readString(b.dest()) == 'b=2'
    }

    def "a render error is a FAILED result for that resource only, at the snapshot's revision"() {
        given:
        def broken = resource('broken', '/a', ['/'], '${getv("/missing")}')
        def ok = resource('ok', '/c', ['/'], 'c=${getv("/x")}')
        def snapshot = pass.snapshot([broken, ok])
        store.put('/c/x', 'later')

        when:
        def results = pass.run([broken, ok], snapshot, SyncOptions.DEFAULT) { }

        then:
        results[0].resource() == 'broken'
        results[0].outcome() == Outcome.FAILED
        results[0].dest() == broken.dest()
        results[0].revision() == snapshot.revision()
        results[0].message().endsWith("line 1) key '/missing' not found (under prefix /a); give getv a default, e.g. getv('/missing', 'x')")
        results[1].outcome() == Outcome.UPDATED
        results[1].revision() == snapshot.revision()
        Files.readString(ok.dest()) == 'c=3'
        !Files.exists(broken.dest())
    }

    def "a render sees only the resource's watched keys, even when the snapshot holds more"() {
        given:
        def onlyX = resource('onlyX', '/a', ['/x'], '${getv("/x")} ${getv("/y", "unwatched")}')
        def snapshot = pass.snapshot([resource('all', '/', ['/'], 'x')])

        expect:
        new String(pass.render(onlyX, snapshot).content(), StandardCharsets.UTF_8) == '1 unwatched'
        pass.render(onlyX, snapshot).revision() == snapshot.revision()
    }

    def "reading an unwatched key that exists says which word to change"() {
        given:
        def onlyX = resource('onlyX', '/a', ['/x'], '${getv("/y")}')

        when:
        pass.render(onlyX, pass.snapshot([onlyX]))

        then:
        TemplateException e = thrown()
        e.message.contains("key '/y' exists in the store (as /a/y) but is not among the keys resource 'onlyX' watches")
    }

    def "render without a snapshot reads the store afresh"() {
        given:
        def a = resource('a', '/a', ['/'], '${getv("/x")}')
        def before = pass.render(a)

        when:
        long revision = store.put('/a/x', 'new')

        then:
        new String(before.content(), StandardCharsets.UTF_8) == '1'
        new String(pass.render(a).content(), StandardCharsets.UTF_8) == 'new'
        pass.render(a).revision() == revision
    }
}
