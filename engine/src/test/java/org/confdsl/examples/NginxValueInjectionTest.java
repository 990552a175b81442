package org.confdsl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.confdsl.dsl.DslLoader;
import org.confdsl.model.EngineModel;
import org.confdsl.model.StoreModel;
import org.confdsl.run.Engine;
import org.confdsl.store.MemoryStore;
import org.confdsl.sync.CommandRunner;
import org.confdsl.sync.Outcome;
import org.confdsl.sync.PendingReloads;
import org.confdsl.sync.SyncOptions;
import org.confdsl.sync.SyncResult;
import org.confdsl.sync.Syncer;
import org.confdsl.template.TemplateRenderer;
import org.confdsl.testkit.FreePorts;
import org.confdsl.testkit.NginxProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 §2 with a real nginx and the rolling-upgrade example's template and nginx.conf: a key
 * value that closes the upstream block and opens a server of its own passes {@code nginx -t}
 * (the no-wedge check only stops what breaks the syntax) and then serves the file system; the
 * example's {@code validate} rule stops the same value before anything is written.
 */
class NginxValueInjectionTest {

    static final Path EXAMPLE = Path.of("..", "dsl-examples", "nginx_rolling_upgrade").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** The hostile value, listening on {@code port}. */
    static String hostile(int port) {
        return "127.0.0.1:1; } server { listen 127.0.0.1:" + port + "; root /; autoindex on; } upstream x { server 127.0.0.1:2";
    }

    /** A copy of the example as a script on a memory store; {@code validated} keeps its validate lines. */
    Path example(String name, boolean validated, String hostileValue) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path nginx = Files.createDirectories(home.resolve("nginx/conf.d"));
        Files.copy(EXAMPLE.resolve("nginx/nginx.conf"), home.resolve("nginx/nginx.conf"));
        Files.writeString(home.resolve("nginx/listen.conf"), "listen 127.0.0.1:" + FreePorts.next() + ";\n");
        Files.copy(EXAMPLE.resolve("cloud.conf.tmpl"), home.resolve("cloud.conf.tmpl"));
        String script = Files.readString(EXAMPLE.resolve("nginx_rolling_upgrade.groovy"))
                .replace("store etcd('http://127.0.0.1:2379')", "store memory('/cloud/subdomain': 'cloud', "
                        + "'/cloud/upstream/a': '127.0.0.1:" + FreePorts.next() + "', '/cloud/upstream/b': '" + hostileValue + "')")
                .replaceAll("(?m)^\\s*reload .*$", "");
        assertThat(script).contains("store memory(").contains("validate '/upstream/*'");
        if (!validated) {
            script = script.replaceAll("(?m)^\\s*validate .*$", "");
        }
        Files.writeString(home.resolve("cloud.groovy"), script);
        assertThat(nginx).isEmptyDirectory();
        return home;
    }

    static SyncResult once(Path home) {
        EngineModel model = new DslLoader().load(home.resolve("cloud.groovy"));
        try (MemoryStore store = new MemoryStore(((StoreModel.Memory) model.store()).entries())) {
            Engine engine = new Engine(model, store, new TemplateRenderer(), new Syncer(new CommandRunner(), PendingReloads.inMemory()));
            List<SyncResult> results = engine.once(SyncOptions.DEFAULT, r -> { });
            assertThat(results).hasSize(1);
            return results.get(0);
        }
    }

    @Test
    void withoutValidationTheInjectedServerPassesNginxTestAndServesTheFileSystem() throws Exception {
        int evil = FreePorts.next();
        Path home = example("open", false, hostile(evil));

        SyncResult result = once(home);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.UPDATED);
        assertThat(Files.readString(home.resolve("nginx/conf.d/cloud.conf"))).contains("autoindex on;");
        try (NginxProcess nginx = NginxProcess.start(home.resolve("nginx"), FreePorts.next())) {
            HttpResponse<String> listing = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + evil + "/etc/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(listing.statusCode()).as(nginx.output()).isEqualTo(200);
            assertThat(listing.body()).contains("passwd");
        }
    }

    @Test
    void theExamplesValidationFailsTheRenderBeforeAnythingIsWritten() throws Exception {
        Path home = example("validated", true, hostile(FreePorts.next()));

        SyncResult result = once(home);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("(cloud.conf.tmpl, line 2) value of /cloud/upstream/b does not match /^[\\w.-]+:\\d+$/")
                .doesNotContain("autoindex").doesNotContain("127.0.0.1:1");
        try (Stream<Path> files = Files.list(home.resolve("nginx/conf.d"))) {
            assertThat(files).as("no destination and no stage file").isEmpty();
        }
    }
}
