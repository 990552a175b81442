package org.confdsl.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import groovy.lang.Script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroovyCompilerTest {

    @TempDir
    Path cache;

    final AtomicInteger compilations = new AtomicInteger();
    final Supplier<CompilerConfiguration> config = () -> {
        compilations.incrementAndGet();
        return new CompilerConfiguration();
    };

    @AfterEach
    void clearProperty() {
        System.clearProperty(GroovyCompiler.CACHE_PROPERTY);
    }

    Object run(Class<?> type) throws ReflectiveOperationException {
        return ((Script) type.getDeclaredConstructor().newInstance()).run();
    }

    long entries() throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.count();
        }
    }

    @Test
    void withoutACacheEveryLoadCompiles() throws Exception {
        Class<?> a = GroovyCompiler.load("test", "a.groovy", "[1, 2].collect { it * 2 }", config, getClass().getClassLoader());
        Class<?> b = GroovyCompiler.load("test", "a.groovy", "[1, 2].collect { it * 2 }", config, getClass().getClassLoader());

        assertEquals(java.util.List.of(2, 4), run(a));
        assertEquals(java.util.List.of(2, 4), run(b));
        assertEquals(2, compilations.get());
        assertEquals(0, entries());
    }

    @Test
    void theSecondLoadOfTheSameSourceComesFromTheCacheWithItsClosures() throws Exception {
        System.setProperty(GroovyCompiler.CACHE_PROPERTY, cache.toString());

        Class<?> first = GroovyCompiler.load("test", "a.groovy", "[1, 2].collect { it * 2 }", config, getClass().getClassLoader());
        Class<?> second = GroovyCompiler.load("test", "a.groovy", "[1, 2].collect { it * 2 }", config, getClass().getClassLoader());

        assertEquals(1, compilations.get(), "compiled once");
        assertEquals(1, entries());
        assertNotSame(first, second, "each load has its own loader, so a replaced source can be unloaded");
        assertEquals("a", second.getName());
        assertEquals(java.util.List.of(2, 4), run(second));
    }

    @Test
    void anEditedSourceIsANewEntry() throws Exception {
        System.setProperty(GroovyCompiler.CACHE_PROPERTY, cache.toString());

        assertEquals(3, run(GroovyCompiler.load("test", "a.groovy", "1 + 2", config, getClass().getClassLoader())));
        assertEquals(4, run(GroovyCompiler.load("test", "a.groovy", "2 + 2", config, getClass().getClassLoader())));

        assertEquals(2, compilations.get());
        assertEquals(2, entries());
    }

    @Test
    void aBrokenEntryIsCompiledAgain() throws Exception {
        System.setProperty(GroovyCompiler.CACHE_PROPERTY, cache.toString());
        GroovyCompiler.load("test", "a.groovy", "40 + 2", config, getClass().getClassLoader());
        try (Stream<Path> s = Files.list(cache)) {
            Path entry = s.findFirst().orElseThrow();
            Files.delete(entry.resolve("a.class"));
        }

        assertEquals(42, run(GroovyCompiler.load("test", "a.groovy", "40 + 2", config, getClass().getClassLoader())));
        assertEquals(42, run(GroovyCompiler.load("test", "a.groovy", "40 + 2", config, getClass().getClassLoader())));
        assertEquals(2, compilations.get(), "the broken entry was replaced by the fresh compile");
    }

    @Test
    void aSyntaxErrorIsThrownAndNothingIsCached() throws Exception {
        System.setProperty(GroovyCompiler.CACHE_PROPERTY, cache.toString());

        MultipleCompilationErrorsException e = assertThrows(MultipleCompilationErrorsException.class,
                () -> GroovyCompiler.load("test", "bad.groovy", "def x = (", config, getClass().getClassLoader()));

        assertTrue(e.getMessage().contains("bad.groovy"), e.getMessage());
        assertEquals(0, entries());
    }

    @Test
    void theGuardsArePartOfTheCacheKeySoClassesCompiledWithoutThemAreNeverReused() throws Exception {
        System.setProperty(GroovyCompiler.CACHE_PROPERTY, cache.toString());
        String source = "System.exit(0)";
        // where an entry for this source lived before the guards were part of the key: plant a class there
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (String part : java.util.List.of("test", "exit.groovy", source)) {
            sha.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        Path unguarded = cache.resolve(java.util.HexFormat.of().formatHex(sha.digest()));
        Files.createDirectories(unguarded);
        Files.writeString(unguarded.resolve("classes.txt"), "exit");
        Files.write(unguarded.resolve("exit.class"), new byte[] {(byte) 0xca, (byte) 0xfe});

        assertThrows(MultipleCompilationErrorsException.class,
                () -> GroovyCompiler.load("test", "exit.groovy", source, config, getClass().getClassLoader()));
        assertEquals(1, compilations.get(), "compiled (and refused), not taken from the unguarded entry");
        assertTrue(GroovyCompiler.GUARDS.contains("ForbiddenCalls-" + ForbiddenCalls.VERSION));
    }
}
