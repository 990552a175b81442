package org.confdsl.cli.ops;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.confdsl.run.EngineEvents;
import org.confdsl.sync.SyncResult;

/**
 * A daemon's outcome lines: one per resource outcome, with a timestamp, on standard output
 * (failures on standard error, followed by the failed command's output, indented). As text:
 * {@code 2026-12-01T12:00:00.123Z app UPDATED /etc/app.conf (revision 7) 3ms}; as JSON the same
 * fields as the log's JSON lines: time, level, logger ("outcome"), resource, outcome, dest,
 * revision, duration_ms, message. Key values never appear.
 */
public final class OutcomeLines implements EngineEvents {

    private final PrintWriter out;
    private final PrintWriter err;
    private final LogFormat format;
    private final Clock clock;

    public OutcomeLines(PrintWriter out, PrintWriter err, LogFormat format, Clock clock) {
        this.out = out;
        this.err = err;
        this.format = format;
        this.clock = clock;
    }

    @Override
    public synchronized void resourceFinished(SyncResult r, Duration took) {
        PrintWriter to = r.outcome().isFailure() ? err : out;
        long ms = took.toMillis();
        if (format == LogFormat.json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("resource", r.resource());
            fields.put("outcome", r.outcome().name());
            fields.put("dest", r.dest().toString());
            fields.put("revision", r.revision());
            fields.put("duration_ms", ms);
            if (!r.commandOutput().isBlank()) {
                fields.put("command_output", r.commandOutput());
            }
            to.print(JsonLineLayout.line(clock.instant().truncatedTo(ChronoUnit.MILLIS), r.outcome().isFailure() ? "ERROR" : "INFO", "outcome", fields,
                    r.message().isEmpty() ? r.resource() + " " + r.outcome() : r.message(), null));
        } else {
            to.println(clock.instant().truncatedTo(ChronoUnit.MILLIS) + " " + r.resource() + " " + r.outcome() + " " + r.dest() + " (revision " + r.revision() + ") "
                    + ms + "ms" + (r.message().isEmpty() ? "" : ": " + r.message()));
        }
        if (format == LogFormat.text && !r.commandOutput().isBlank()) {
            r.commandOutput().lines().forEach(l -> err.println("    " + l));
        }
        r.diff().ifPresent(d -> out.print(d.endsWith("\n") ? d : d + "\n"));
        out.flush();
        err.flush();
    }
}
