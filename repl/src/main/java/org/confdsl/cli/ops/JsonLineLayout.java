package org.confdsl.cli.ops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import org.confdsl.cli.Json;
import org.slf4j.event.KeyValuePair;

/**
 * One log event as one flat JSON object on one line: {@code time} (ISO-8601), {@code level},
 * {@code logger} (the class's simple name), the event's key-value pairs (e.g. {@code resource},
 * {@code outcome}, {@code revision}, {@code duration_ms}) as fields of their own, {@code message},
 * and {@code error} for a throwable's class and message. Logback's own {@code JsonEncoder} nests
 * key-value pairs in an array and writes epoch milliseconds; collectors expect flat fields.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        return line(Instant.ofEpochMilli(event.getTimeStamp()), event.getLevel().toString(), shortName(event.getLoggerName()),
                event.getKeyValuePairs() == null ? Map.of() : pairs(event), event.getFormattedMessage(), event.getThrowableProxy());
    }

    /** The JSON line for one event; {@link OutcomeLines} writes outcome lines with the same shape. */
    static String line(Instant time, String level, String logger, Map<String, Object> fields, String message, IThrowableProxy error) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("time", time.toString());
        all.put("level", level);
        all.put("logger", logger);
        all.putAll(fields);
        all.put("message", message);
        if (error != null) {
            all.put("error", error.getClassName() + (error.getMessage() == null ? "" : ": " + error.getMessage()));
        }
        return Json.object(all) + CoreConstants.LINE_SEPARATOR;
    }

    private static Map<String, Object> pairs(ILoggingEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (KeyValuePair p : event.getKeyValuePairs()) {
            fields.put(p.key, p.value instanceof Number ? p.value : String.valueOf(p.value));
        }
        return fields;
    }

    private static String shortName(String logger) {
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
