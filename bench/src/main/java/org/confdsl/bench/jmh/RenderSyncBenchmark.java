package org.confdsl.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.confdsl.model.Debounce;
import org.confdsl.model.ResourceModel;
import org.confdsl.store.MemoryStore;
import org.confdsl.store.Snapshot;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import org.confdsl.sync.Syncer;
import org.confdsl.template.Rendered;
import org.confdsl.template.TemplateRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two halves of applying a change, in process: rendering a template from a snapshot, and
 * syncing the render to its destination (compare only when in sync; stage, fsync, rename and
 * directory fsync when changed), with 2 keys and with a 10,000-key prefix rendered in full.
 * {@code src/bench/jmh.sh}; a regression shows as a number.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx256m"})
public class RenderSyncBenchmark {

    @Param({"2", "10000"})
    public int keys;

    private Path dir;
    private ResourceModel resource;
    private TemplateRenderer renderer;
    private Syncer syncer;
    private Snapshot snapshot;
    private Rendered rendered;
    private Rendered[] alternating;
    private int turn;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("confdsl-jmh-");
        Map<String, String> entries = new LinkedHashMap<>();
        String template;
        if (keys == 2) {
            entries.put("/app/a", "127.0.0.1:9001");
            entries.put("/app/b", "127.0.0.1:9002");
            template = "upstream app {\n    server ${getv('/a')};\n    server ${getv('/b')};\n}\n";
        } else {
            entries.put("/app/marker", "m0");
            for (int i = 0; i < keys - 1; i++) {
                entries.put(String.format("/app/items/%05d", i), "127.0.0.1:" + (10000 + i));
            }
            template = "marker=${getv('/marker')}\n<% getvs('/items/*').each { %>server ${it};\n<% } %>";
        }
        Path tmpl = dir.resolve("app.tmpl");
        Files.writeString(tmpl, template);
        resource = new ResourceModel("app", "/app", List.of("/"), tmpl, dir.resolve("app.conf"), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false, Debounce.DEFAULT, 1);
        renderer = new TemplateRenderer();
        syncer = new Syncer(new CommandRunner(), PendingReloads.inMemory());
        MemoryStore store = new MemoryStore(entries);
        snapshot = store.snapshot(List.of("/app"));
        rendered = renderer.render(resource, snapshot);
        String firstKey = keys == 2 ? "/app/a" : "/app/marker";
        store.put(firstKey, "changed");
        alternating = new Rendered[] {rendered, renderer.render(resource, store.snapshot(List.of("/app")))};
        syncer.sync(resource, rendered, SyncOptions.DEFAULT);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The template applied to the snapshot (compiled once, cached by the renderer). */
    @Benchmark
    public Rendered render() {
        return renderer.render(resource, snapshot);
    }

    /** The destination already holds the render: compare bytes, mode and owner; nothing written. */
    @Benchmark
    public SyncResult syncInSync() {
        return syncer.sync(resource, rendered, SyncOptions.DEFAULT);
    }

    /** The destination differs every time: compare, stage with fsync, rename, fsync the directory. */
    @Benchmark
    public SyncResult syncChanged() {
        turn ^= 1;
        return syncer.sync(resource, alternating[turn], SyncOptions.DEFAULT);
    }
}
