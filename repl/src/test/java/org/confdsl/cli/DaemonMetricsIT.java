package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.confdsl.testkit.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --metrics-addr: a real daemon scraped over HTTP. */
class DaemonMetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void metricsHealthAndReadyOfARunningDaemon() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        Path script = example.resolve("quickstart.groovy");
        Files.writeString(script, Files.readString(script).replace("    mkdirs   true\n", "    mkdirs   true\n    reload   'true'\n"));
        int port = FreePorts.next();
        String base = "http://127.0.0.1:" + port;
        try (ProgramProcess daemon = ProgramProcess.start(tmp, Map.of("CONFDSL_METRICS_ADDR", "127.0.0.1:" + port), "run",
                example.resolve("quickstart.groovy").toString(), "--state-dir", tmp.resolve("state").toString())) {
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(get(base + "/ready").statusCode()).isEqualTo(200));
            assertThat(get(base + "/health").statusCode()).isEqualTo(200);
            assertThat(get(base + "/nothing").statusCode()).isEqualTo(404);

            Path keys = example.resolve("keys.yaml");
            Files.writeString(keys, Files.readString(keys).replace("9002", "9003"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(get(base + "/metrics").body())
                    .contains("confdsl_outcomes_total{outcome=\"UPDATED\",resource=\"app\"} 2"));

            String metrics = get(base + "/metrics").body();
            assertThat(metrics).contains(
                    "confdsl_renders_total{resource=\"app\"} 2",
                    "confdsl_render_duration_seconds_count{resource=\"app\"} 2",
                    "confdsl_check_duration_seconds_count{resource=\"app\"} 2",
                    "confdsl_applied_revision{resource=\"app\"} 2",
                    "confdsl_store_connected 1",
                    "confdsl_retries_pending 0",
                    "confdsl_reload_duration_seconds_count{resource=\"app\"} 2");
            assertThat(metrics).containsPattern("confdsl_watch_events_total [1-9]");
            assertThat(metrics.lines().filter(l -> !l.startsWith("#") && !l.isBlank()))
                    .as("every metric is confdsl's own").allMatch(l -> l.startsWith("confdsl_"));

            daemon.signal("TERM");
            assertThat(daemon.awaitExit(WAIT)).as(daemon.toString()).isZero();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
