package org.confdsl.cli;

import java.time.Duration;

import org.confdsl.cli.ops.LogFormat;
import org.confdsl.cli.ops.LogSetup;
import picocli.CommandLine.Option;

/** How a daemon is operated: logging, metrics, stopping, and the service it may run as a child. */
final class OpsOptions {

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "error, warn, info, debug or trace. Default: info. Key values are never logged, at any level.")
    String logLevel;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, or json (one object per line: time, level, resource, outcome, revision, duration_ms, message). Default: ${DEFAULT-VALUE}.")
    LogFormat logFormat;

    @Option(names = "--metrics-addr", paramLabel = "HOST:PORT",
            description = "Serve /metrics (Prometheus), /health and /ready on HOST:PORT, e.g. 127.0.0.1:9273. Default: off.")
    String metricsAddr;

    @Option(names = "--stop-grace", paramLabel = "DUR", converter = DurationConverter.class, defaultValue = "30s",
            description = "On SIGTERM/SIGINT/SIGHUP, how long the sync in progress may take before it is interrupted. Default: ${DEFAULT-VALUE}.")
    Duration stopGrace;

    @Option(names = "--exec", paramLabel = "COMMAND",
            description = "Run COMMAND (e.g. 'nginx -g \"daemon off;\"') once every resource has rendered; pass SIGTERM/SIGINT to it; exit with its code.")
    String exec;

    /**
     * Applies the log level and format; a bad level is a usage error. Without either, logging
     * keeps its start-up setup ({@code $CONFDSL_LOG_LEVEL}, text) and is not even initialised
     * until something logs: a short command stays lean.
     */
    void applyLogging() {
        if (logLevel == null && logFormat == LogFormat.text) {
            return;
        }
        String level = logLevel != null ? logLevel : "info";
        try {
            LogSetup.apply(LogSetup.level(level), logFormat);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--log-level: " + e.getMessage());
        }
    }
}
