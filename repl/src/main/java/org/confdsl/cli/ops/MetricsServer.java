package org.confdsl.cli.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.confdsl.model.CommandSpec;
import org.confdsl.model.EngineModel;
import org.confdsl.model.ResourceModel;
import org.confdsl.run.EngineEvents;
import org.confdsl.sync.CommandResult;
import org.confdsl.sync.Outcome;
import org.slf4j.LoggerFactory;
import org.confdsl.sync.SyncResult;

/**
 * {@code --metrics-addr HOST:PORT}: Prometheus metrics of a daemon on {@code /metrics}, with
 * {@code /health} (the process answers) and {@code /ready} (first pass done, store readable; 503
 * otherwise), served by prometheus-metrics' exporter on the JDK's own HTTP server. This class is
 * the only one that touches the library, and it is loaded only when the option is given.
 */
public final class MetricsServer implements EngineEvents, AutoCloseable {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter renders = Counter.builder().name("confdsl_renders_total")
            .help("Templates rendered, per resource.").labelNames("resource").register(registry);
    private final Counter outcomes = Counter.builder().name("confdsl_outcomes_total")
            .help("Resource outcomes (UPDATED, IN_SYNC, WOULD_UPDATE, CHECK_FAILED, RELOAD_FAILED, FAILED), per resource.")
            .labelNames("resource", "outcome").register(registry);
    private final Histogram renderSeconds = Histogram.builder().name("confdsl_render_duration_seconds")
            .help("Time to render a resource's template.").labelNames("resource").classicOnly().register(registry);
    private final Histogram checkSeconds = Histogram.builder().name("confdsl_check_duration_seconds")
            .help("Time a check command ran.").labelNames("resource").classicOnly().register(registry);
    private final Histogram reloadSeconds = Histogram.builder().name("confdsl_reload_duration_seconds")
            .help("Time a reload command ran.").labelNames("resource").classicOnly().register(registry);
    private final Gauge appliedRevision = Gauge.builder().name("confdsl_applied_revision")
            .help("The store revision a resource's destination was last found or made in sync with.").labelNames("resource").register(registry);
    private final Gauge storeConnected = Gauge.builder().name("confdsl_store_connected")
            .help("1 when the last read of the store succeeded, else 0.").register(registry);
    private final Counter watchEvents = Counter.builder().name("confdsl_watch_events_total")
            .help("Changes of watched keys received from the store.").register(registry);
    private final Gauge retriesPending = Gauge.builder().name("confdsl_retries_pending")
            .help("Resources waiting to be retried after a failure.").register(registry);

    private final Readiness readiness;
    private final HTTPServer server;

    /**
     * Starts serving on {@code address} ({@code host:port}; port 0 picks a free one).
     *
     * @throws IllegalArgumentException when the address is malformed
     * @throws IOException when the port cannot be bound
     */
    public MetricsServer(String address, Readiness readiness) throws IOException {
        this.readiness = readiness;
        InetSocketAddress at = parse(address);
        storeConnected.set(0);
        this.server = HTTPServer.builder().hostname(at.getHostString()).port(at.getPort()).registry(registry)
                .registerHealthHandler(false).defaultHandler(this::probe).buildAndStart();
        LoggerFactory.getLogger(MetricsServer.class).info("metrics on http://{}:{}/metrics (and /health, /ready)",
                at.getHostString(), server.getPort());
    }

    /** The port actually bound. */
    public int port() {
        return server.getPort();
    }

    static InetSocketAddress parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + address + "' is not HOST:PORT; write e.g. 127.0.0.1:9273");
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            String host = address.substring(0, colon);
            return new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + address + "' has no port number; write e.g. 127.0.0.1:9273");
        }
    }

    private void probe(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status;
        String body;
        if (path.equals("/health")) {
            status = 200;
            body = "ok\n";
        } else if (path.equals("/ready")) {
            boolean ready = readiness.ready();
            status = ready ? 200 : 503;
            body = ready ? "ready\n" : "not ready: first pass not done or store unreachable\n";
        } else {
            status = 404;
            body = "confdsl serves /metrics, /health and /ready\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Times check and reload commands of {@code model}'s resources (pass to the command runner). */
    public BiConsumer<CommandSpec, CommandResult> commandObserver(EngineModel model) {
        Map<CommandSpec, String> checks = new IdentityHashMap<>();
        Map<CommandSpec, String> reloads = new IdentityHashMap<>();
        for (ResourceModel r : model.resources()) {
            r.check().ifPresent(c -> checks.put(c, r.name()));
            r.reload().ifPresent(c -> reloads.put(c, r.name()));
        }
        return (spec, result) -> {
            double seconds = result.elapsed().toNanos() / 1e9;
            if (checks.containsKey(spec)) {
                checkSeconds.labelValues(checks.get(spec)).observe(seconds);
            } else if (reloads.containsKey(spec)) {
                reloadSeconds.labelValues(reloads.get(spec)).observe(seconds);
            }
        };
    }

    @Override
    public void rendered(ResourceModel resource, Duration took) {
        renders.labelValues(resource.name()).inc();
        renderSeconds.labelValues(resource.name()).observe(took.toNanos() / 1e9);
    }

    @Override
    public void resourceFinished(SyncResult result, Duration took) {
        outcomes.labelValues(result.resource(), result.outcome().name()).inc();
        if (result.outcome() == Outcome.UPDATED || result.outcome() == Outcome.IN_SYNC) {
            appliedRevision.labelValues(result.resource()).set(result.revision());
        }
    }

    @Override
    public void watchEvents(int count) {
        watchEvents.inc(count);
    }

    @Override
    public void storeReadable(boolean readable) {
        storeConnected.set(readable ? 1 : 0);
    }

    @Override
    public void retriesPending(int pending) {
        retriesPending.set(pending);
    }

    @Override
    public void close() {
        server.close();
    }
}
