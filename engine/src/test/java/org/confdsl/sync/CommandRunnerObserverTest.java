package org.confdsl.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.confdsl.model.CommandSpec;
import org.junit.jupiter.api.Test;

/** An observed runner hears of every command, with the program's placeholders read at each run. */
class CommandRunnerObserverTest {

    @Test
    void theObserverHearsEachCommandAndProgramPlaceholdersAreReadWhenItRuns() {
        List<String> heard = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        CommandRunner runner = new CommandRunner().observedBy(
                (spec, result) -> heard.add(spec.display() + " -> " + result.exitCode() + " " + result.output().strip()),
                Map.of("run", () -> "r" + reads.incrementAndGet()));
        CommandSpec spec = Fixtures.argv("echo", "{{.run}} ${dest}");

        CommandResult first = runner.run(spec, Map.of("dest", "/etc/app.conf"));
        CommandResult second = runner.run(spec, Map.of("dest", "/etc/app.conf", "run", "given"));

        assertEquals("r1 /etc/app.conf", first.output().strip());
        assertEquals("given /etc/app.conf", second.output().strip(), "a command's own placeholder wins");
        assertEquals(List.of("echo \"{{.run}} ${dest}\" -> 0 r1 /etc/app.conf", "echo \"{{.run}} ${dest}\" -> 0 given /etc/app.conf"),
                heard);
    }

    @Test
    void elapsedIsTheTimeTheCommandTook() {
        long before = System.nanoTime();
        CommandResult result = new CommandRunner().run(Fixtures.argv("true"), Map.of());
        long took = System.nanoTime() - before;

        assertTrue(!result.elapsed().isNegative() && result.elapsed().toNanos() <= took,
                result.elapsed() + " within " + Duration.ofNanos(took));
    }
}
