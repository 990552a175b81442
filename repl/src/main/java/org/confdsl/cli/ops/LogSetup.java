package org.confdsl.cli.ops;

import java.util.List;
import java.util.Locale;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

/**
 * The program's logging: one appender on standard error, text or one JSON object per line, at
 * the level asked for. Libraries that can see network frames (Netty, gRPC, Vert.x, jetcd) are
 * held at INFO whatever the level: at debug they log etcd's auth request (user and password)
 * and the auth token in clear.
 */
public final class LogSetup {

    /** Loggers never set below INFO: they log raw frames, which hold credentials. */
    public static final List<String> FRAME_LOGGERS = List.of("io.netty", "io.grpc", "io.vertx", "io.etcd", "com.google");

    /** The environment variable that sets the level when {@code --log-level} is not given. */
    public static final String LEVEL_ENV = "CONFDSL_LOG_LEVEL";

    private LogSetup() {
    }

    /** The level named by {@code text} (error, warn, info, debug, trace; any case). */
    public static Level level(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "error" -> Level.ERROR;
            case "warn", "warning" -> Level.WARN;
            case "info" -> Level.INFO;
            case "debug" -> Level.DEBUG;
            case "trace" -> Level.TRACE;
            default -> throw new IllegalArgumentException("'" + text + "' is not a log level; write error, warn, info, debug or trace");
        };
    }

    /** Applies {@code level} and {@code format} to the running program's logging. */
    public static void apply(Level level, LogFormat format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;   // another binding (tests of the engine): leave it alone
        }
        configure(context, level, format);
    }

    /** Sets up {@code context} from scratch: one appender on standard error, levels as described above. */
    static void configure(LoggerContext context, Level level, LogFormat format) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder(context, format));
        appender.start();
        root.addAppender(appender);
        root.setLevel(level);
        Level floor = level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO;
        for (String name : FRAME_LOGGERS) {
            context.getLogger(name).setLevel(floor);
        }
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
        LayoutBase<ILoggingEvent> layout = format == LogFormat.json ? new JsonLineLayout() : new TextLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setLayout(layout);
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    /** The level from {@value #LEVEL_ENV}, else INFO; a bad value is INFO (the command line reports it when given there). */
    static Level fromEnvironment() {
        String env = System.getenv(LEVEL_ENV);
        if (env == null || env.isBlank()) {
            return Level.INFO;
        }
        try {
            return level(env);
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
