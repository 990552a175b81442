package org.confdsl.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a script is bounded: an endless loop, endless recursion or a call that ends the process are script mistakes. */
class RunawayScriptTest {

    @TempDir
    Path dir;

    Path script(String body) throws IOException {
        Files.writeString(dir.resolve("app.tmpl"), "x\n");
        Path script = dir.resolve("app.groovy");
        Files.writeString(script, "resource('app') { template 'app.tmpl'; dest 'app.conf' }\n" + body);
        return script;
    }

    /** The loader's failure, waited for at most 60 s: a hang fails the test. */
    static DslException loadFailure(Path script) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<DslException> f = pool.submit(() -> assertThrows(DslException.class, () -> new DslLoader().load(script)));
            return f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEndlessLoopAtLoadTimeIsStoppedAfterTheLimit() throws Exception {
        DslException e = loadFailure(script("int n = 0\nwhile (true) { n++ }\n"));
        assertEquals("(app.groovy, line 3) loading the script took longer than 5s (stopped): "
                + "a script only declares; look for a loop that never ends", e.getMessage());
    }

    @Test
    void endlessRecursionAtLoadTimeIsOneLineNamingTheScriptLine() throws Exception {
        DslException e = loadFailure(script("def deeper(int n) { deeper(n + 1) }\ndeeper(0)\n"));
        assertTrue(e.getMessage().startsWith("(app.groovy, line 2) stack overflow"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void endingTheProcessIsRefusedBeforeTheScriptRuns() throws Exception {
        DslException e = loadFailure(script("\nRuntime.getRuntime().halt(0)\n"));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("(app.groovy, line 3) "), e.getMessage());
        assertTrue(e.getMessage().contains("Runtime.halt"), e.getMessage());

        DslException exit = loadFailure(script("if (false) { System.exit(3) }\n"));
        assertEquals(2, exit.line(), exit.getMessage());
        assertTrue(exit.getMessage().contains("System.exit"), exit.getMessage());
    }
}
