package org.confdsl.run

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.confdsl.model.Debounce
import org.confdsl.model.ResourceModel
import org.confdsl.store.MemoryStore
import org.confdsl.sync.CommandRunner
import org.confdsl.sync.Outcome
import org.confdsl.sync.PendingReloads
import org.confdsl.sync.SyncOptions
import org.confdsl.sync.SyncResult
import org.confdsl.sync.Syncer
import org.confdsl.template.TemplateRenderer
import spock.lang.Specification
import spock.lang.TempDir

/**
 * What a pass tells its {@link EngineEvents} (the metrics and readiness of a daemon listen there):
 * each resource's start, its render time and its end, in order, with times the pass really took.
 */
class ResourcePassEventsSpec extends Specification {

    @TempDir
    Path dir

    MemoryStore store = new MemoryStore(['/a/x': '1', '/b/x': '2'])
    List<String> heard = []
    List<Duration> durations = []
    EngineEvents events = new EngineEvents() {
        @Override
        void resourceStarting(ResourceModel resource) {
            heard << "starting ${resource.name()}".toString()
        }

        @Override
        void rendered(ResourceModel resource, Duration took) {
            heard << "rendered ${resource.name()}".toString()
            durations << took
        }

        @Override
        void resourceFinished(SyncResult result, Duration took) {
            heard << "finished ${result.resource()} ${result.outcome()}".toString()
            durations << took
        }
    }
    ResourcePass pass = new ResourcePass(store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()), events)

    ResourceModel resource(String name, String prefix, String template) {
        Path tmpl = Files.writeString(dir.resolve(name + '.tmpl'), template)
        new ResourceModel(name, prefix, ['/'], tmpl, dir.resolve(name + '.conf'), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, Debounce.DEFAULT, 1)
    }

    def "each resource is heard starting, rendered and finished, in order, with times within the pass's own"() {
        given:
        def a = resource('a', '/a', 'a=${getv("/x")}')
        def broken = resource('broken', '/a', '${getv("/missing")}')
        def b = resource('b', '/b', 'b=${getv("/x")}')

        when:
        long before = System.nanoTime()
        def results = pass.run([a, broken, b], SyncOptions.DEFAULT) { }
        Duration whole = Duration.ofNanos(System.nanoTime() - before)

        then:
        results*.outcome() == [Outcome.UPDATED, Outcome.FAILED, Outcome.UPDATED]
        // Syncs without commands may overlap the next render: each resource's own events are in
        // order, and the ends are heard in script order.
        heard.size() == 9
        heard.findAll { it.startsWith('finished') } == ['finished a UPDATED', 'finished broken FAILED', 'finished b UPDATED']
        ['a': 'UPDATED', 'broken': 'FAILED', 'b': 'UPDATED'].every { name, outcome ->
            int starting = heard.indexOf("starting $name".toString())
            starting >= 0 && starting < heard.indexOf("rendered $name".toString()) &&
                    starting < heard.indexOf("finished $name $outcome".toString())
        }
        heard.findAll { it.startsWith('starting') } == ['starting a', 'starting broken', 'starting b']
        durations.size() == 6
        durations.every { !it.negative && it <= whole }
    }

    def "process renders and syncs one resource, and the render is heard with its time"() {
        given:
        def a = resource('a', '/a', 'a=${getv("/x")}')

        when:
        long before = System.nanoTime()
        def result = pass.process(a, store.snapshot(['/a']), SyncOptions.DEFAULT)
        Duration whole = Duration.ofNanos(System.nanoTime() - before)

        then:
        result.outcome() == Outcome.UPDATED
        Files.readString(a.dest()) == 'a=1'
        heard == ['rendered a']
        durations.size() == 1
        !durations[0].negative && durations[0] <= whole
    }

    def "process turns a render error into a FAILED result naming the key, writes nothing, and the render is still heard"() {
        given:
        def broken = resource('broken', '/a', '${getv("/missing")}')

        when:
        def result = pass.process(broken, store.snapshot(['/a']), SyncOptions.DEFAULT)

        then:
        result.outcome() == Outcome.FAILED
        result.resource() == 'broken'
        result.message().contains('/missing')
        !Files.exists(broken.dest())
        heard == ['rendered broken']
    }
}
