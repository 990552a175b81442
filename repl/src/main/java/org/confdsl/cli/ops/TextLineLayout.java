package org.confdsl.cli.ops;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * One log event as one line of text: {@code 2026-12-01T12:00:00.123Z WARN  WatchLoop: message},
 * then a throwable's class and message. Written by hand rather than with Logback's
 * {@code PatternLayout}, whose pattern parser loads about a hundred classes into every short
 * command.
 */
public final class TextLineLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128)
                .append(Instant.ofEpochMilli(event.getTimeStamp()).truncatedTo(ChronoUnit.MILLIS)).append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        String logger = event.getLoggerName();
        line.append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ").append(event.getFormattedMessage());
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.append(" (").append(error.getClassName()).append(error.getMessage() == null ? "" : ": " + error.getMessage()).append(')');
        }
        return line.append(CoreConstants.LINE_SEPARATOR).toString();
    }
}
