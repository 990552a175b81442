package org.confdsl.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** Log levels, the frame loggers' floor, and the JSON line. */
class LoggingTest {

    @Test
    void frameLoggersStayAtInfoWhateverLevelIsAsked() {
        LoggerContext context = new LoggerContext();
        LogSetup.configure(context, Level.TRACE, LogFormat.text);
        assertThat(context.getLogger("org.confdsl.run.WatchLoop").isTraceEnabled()).isTrue();
        for (String name : LogSetup.FRAME_LOGGERS) {
            Logger frames = context.getLogger(name + ".some.Handler");
            assertThat(frames.isDebugEnabled()).as(name).isFalse();
            assertThat(frames.isInfoEnabled()).as(name).isTrue();
        }
        LogSetup.configure(context, Level.WARN, LogFormat.json);
        assertThat(context.getLogger("io.netty.x").isInfoEnabled()).as("a quieter level applies to them too").isFalse();
        assertThat(context.getLogger("org.confdsl.x").isWarnEnabled()).isTrue();
    }

    @Test
    void levelsByName() {
        assertThat(LogSetup.level("TRACE")).isEqualTo(Level.TRACE);
        assertThat(LogSetup.level("warn")).isEqualTo(Level.WARN);
        assertThatThrownBy(() -> LogSetup.level("verbose")).hasMessage("'verbose' is not a log level; write error, warn, info, debug or trace");
    }

    @Test
    void oneFlatJsonObjectPerLine() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("org.confdsl.run.WatchLoop"), Level.WARN, "etcd at {} is \"down\"",
                null, new Object[] {"http://h:2379"});
        event.setTimeStamp(0);
        event.addKeyValuePair(new KeyValuePair("resource", "cloud"));
        event.addKeyValuePair(new KeyValuePair("revision", 12L));
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(context);
        layout.start();
        assertThat(layout.doLayout(event)).isEqualTo("{\"time\":\"1970-01-01T00:00:00Z\",\"level\":\"WARN\",\"logger\":\"WatchLoop\","
                + "\"resource\":\"cloud\",\"revision\":12,\"message\":\"etcd at http://h:2379 is \\\"down\\\"\"}" + System.lineSeparator());
    }
}
