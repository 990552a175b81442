package org.confdsl.groovy;

import groovy.lang.GroovyClassLoader;
import groovy.transform.ThreadInterrupt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.tools.GroovyClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles one Groovy source into classes, or takes them from the class cache when the same
 * source was compiled before.
 *
 * <p>The cache is a directory named by the system property {@value #CACHE_PROPERTY} (the
 * {@code ./confdsl} launcher sets it beside the jar and empties it whenever the jar is rebuilt);
 * without it every call compiles. An entry is keyed by a SHA-256 of the kind of source, its file
 * name, its text and the running Java version (Groovy emits bytecode for the JVM it runs on, so a
 * JDK 25 entry would not load on JDK 17), so an edited script or template is simply a new entry. A cache that cannot
 * be read or written is ignored: compiling is always a correct fallback.
 *
 * <p>Every source is compiled with the same guards, whatever configuration the caller gives:
 * {@code ThreadInterrupt} (so that {@link TimeLimit} can stop an endless loop) and
 * {@link ForbiddenCalls} (no {@code System.exit}). {@link #GUARDS} names them and is part of the
 * cache key, so a class compiled without them, or with older rules, is never taken from the cache.
 */
public final class GroovyCompiler {

    /** The system property naming the class cache directory. */
    public static final String CACHE_PROPERTY = "confdsl.classCache";

    private static final Logger LOG = LoggerFactory.getLogger(GroovyCompiler.class);
    private static final String INDEX = "classes.txt";
    private static final String JAVA_VERSION = Integer.toString(Runtime.version().feature());

    /** The guards every compile adds, with their version; part of the cache key. */
    static final String GUARDS = "ThreadInterrupt+ForbiddenCalls-" + ForbiddenCalls.VERSION;

    private GroovyCompiler() {
    }

    /**
     * The main class of {@code source}.
     *
     * @param kind what the source is and how it is compiled (e.g. {@code "script-1"}); part of the cache key
     * @param fileName the source's file name, which Groovy uses for the class name and in stack traces
     * @param source the Groovy text
     * @param config the compiler configuration, made only when the source must be compiled
     * @param parent the class loader the compiled classes see
     * @throws org.codehaus.groovy.control.CompilationFailedException when the source does not compile
     */
    public static Class<?> load(String kind, String fileName, String source, Supplier<CompilerConfiguration> config,
            ClassLoader parent) throws ClassNotFoundException {
        Optional<Path> entry = cacheEntry(kind, fileName, source);
        Optional<Map<String, byte[]>> cached = entry.flatMap(GroovyCompiler::read);
        Map<String, byte[]> classes = cached.orElseGet(() -> compile(fileName, source, guarded(config.get()), parent));
        if (cached.isEmpty()) {
            entry.ifPresent(dir -> write(dir, classes));
        }
        String main = classes.keySet().iterator().next();
        return new CompiledClasses(parent, classes).loadClass(main);
    }

    private static CompilerConfiguration guarded(CompilerConfiguration config) {
        config.addCompilationCustomizers(new ASTTransformationCustomizer(ThreadInterrupt.class), new ForbiddenCalls());
        return config;
    }

    /** The classes of {@code source}, the main (script) class first. */
    private static Map<String, byte[]> compile(String fileName, String source, CompilerConfiguration config, ClassLoader parent) {
        try (GroovyClassLoader loader = new GroovyClassLoader(parent, config)) {
            CompilationUnit unit = new CompilationUnit(config, null, loader);
            unit.addSource(fileName, source);
            unit.compile(Phases.CLASS_GENERATION);
            String main = unit.getAST().getModules().get(0).getMainClassName();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            List<GroovyClass> generated = unit.getClasses();
            generated.stream().filter(c -> c.getName().equals(main)).forEach(c -> classes.put(c.getName(), c.getBytes()));
            generated.stream().filter(c -> !c.getName().equals(main)).forEach(c -> classes.put(c.getName(), c.getBytes()));
            return classes;
        } catch (IOException e) {
            throw new IllegalStateException("cannot close the Groovy class loader", e);
        }
    }

    private static Optional<Path> cacheEntry(String kind, String fileName, String source) {
        String dir = System.getProperty(CACHE_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(GUARDS, kind, fileName, source, JAVA_VERSION)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return Optional.of(Path.of(dir).resolve(HexFormat.of().formatHex(sha.digest())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Optional<Map<String, byte[]>> read(Path entry) {
        Path index = entry.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return Optional.empty();
        }
        try {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (String name : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                if (!name.isBlank()) {
                    classes.put(name, Files.readAllBytes(entry.resolve(name + ".class")));
                }
            }
            return classes.isEmpty() ? Optional.empty() : Optional.of(classes);
        } catch (IOException e) {
            LOG.debug("class cache entry {} unreadable, compiling instead: {}", entry, e.toString());
            deleteQuietly(entry); // so that the fresh compile can take its place
            return Optional.empty();
        }
    }

    /** Writes the entry into a temporary directory and renames it into place: readers see all of it or none. */
    private static void write(Path entry, Map<String, byte[]> classes) {
        Path tmp = null;
        try {
            Files.createDirectories(entry.getParent());
            tmp = Files.createTempDirectory(entry.getParent(), ".tmp-");
            Map<String, byte[]> byFile = new HashMap<>();
            classes.forEach((name, bytes) -> byFile.put(name + ".class", bytes));
            for (Map.Entry<String, byte[]> e : byFile.entrySet()) {
                Files.write(tmp.resolve(e.getKey()), e.getValue());
            }
            Files.write(tmp.resolve(INDEX), String.join("\n", classes.keySet()).getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, entry, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
            // another process wrote the same entry first: it holds the same classes
        } catch (IOException e) {
            LOG.debug("cannot write class cache entry {}: {}", entry, e.toString());
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
