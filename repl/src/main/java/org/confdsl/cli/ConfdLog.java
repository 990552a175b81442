package org.confdsl.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.confdsl.sync.SyncResult;

/**
 * confd's log, line for line where operators alert on it: {@code TIMESTAMP HOST confdsl[PID]: LEVEL message}
 * on the error stream, the levels of logrus ({@code debug}, {@code info}, {@code warn}, {@code error}),
 * and confd's phrases for each resource outcome ({@code Target config X out of sync},
 * {@code Target config X has been updated}, {@code Config check failed: ...}, {@code Noop mode enabled. X will not be modified}).
 * Key values are never logged (confd logs them all at debug level).
 */
final class ConfdLog {

    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warning", "error", "fatal", "panic");

    private final PrintWriter err;
    private final PrintWriter out;
    private final int threshold;
    private final String host;

    /**
     * @param level logrus's level name ({@code warn} is {@code warning})
     * @throws UsageException in confd's words for an unknown level
     */
    ConfdLog(PrintWriter out, PrintWriter err, String level) {
        this.out = out;
        this.err = err;
        String l = level.toLowerCase(Locale.ROOT);
        int index = LEVELS.indexOf("warn".equals(l) ? "warning" : l);
        if (index < 0) {
            throw new ConfdFatal("not a valid level: \"" + level + "\" (debug, info, warn, error)");
        }
        this.threshold = index;
        this.host = hostName();
    }

    void debug(String message) {
        log("debug", message);
    }

    void info(String message) {
        log("info", message);
    }

    void warning(String message) {
        log("warning", message);
    }

    void error(String message) {
        log("error", message);
    }

    void fatal(String message) {
        log("fatal", message);
    }

    private synchronized void log(String level, String message) {
        if (LEVELS.indexOf(level) < threshold) {
            return;
        }
        String time = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        err.println(time + " " + host + " confdsl[" + ProcessHandle.current().pid() + "]: "
                + level.toUpperCase(Locale.ROOT) + " " + message);
        err.flush();
    }

    /** One resource's outcome, in confd's phrases. */
    void outcome(SyncResult r) {
        String dest = r.dest().toString();
        switch (r.outcome()) {
            case IN_SYNC -> debug("Target config " + dest + " in sync");
            case UPDATED -> {
                info("Target config " + dest + " out of sync");
                info("Target config " + dest + " has been updated");
            }
            case WOULD_UPDATE -> {
                info("Target config " + dest + " out of sync");
                warning("Noop mode enabled. " + dest + " will not be modified");
                r.diff().ifPresent(d -> {
                    out.print(d.endsWith("\n") ? d : d + "\n");
                    out.flush();
                });
            }
            case CHECK_FAILED -> {
                info("Target config " + dest + " out of sync");
                commandOutput(r);
                error("Config check failed: " + goExit(r.message()) + " (" + dest + " left as it was)");
            }
            case RELOAD_FAILED -> {
                commandOutput(r);
                error(goExit(r.message()) + " (reload_cmd for " + dest + "; the file is written, the reload is retried)");
            }
            case FAILED -> error(r.message());
        }
    }

    private void commandOutput(SyncResult r) {
        if (!r.commandOutput().isEmpty()) {
            error(quote(r.commandOutput()));
        }
    }

    /** Go's {@code exit status N} for a command that exited N; confdsl's own words for anything else (a timeout). */
    static String goExit(String message) {
        java.util.regex.Matcher m = EXITED.matcher(message);
        return m.find() ? "exit status " + m.group(1) : message;
    }

    private static final java.util.regex.Pattern EXITED = java.util.regex.Pattern.compile("' exited (\\d+)");

    /** Go's {@code %q} of a command's output, as confd logs it. */
    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** A fatal error before any resource was processed: logged as FATAL, exit code 1. */
    static final class ConfdFatal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConfdFatal(String message) {
            super(message);
        }
    }
}
