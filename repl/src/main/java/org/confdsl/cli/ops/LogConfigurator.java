package org.confdsl.cli.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's start-up configuration, found through the service loader: text on standard error at
 * {@code $CONFDSL_LOG_LEVEL} (default INFO), frame loggers held at INFO. No XML is parsed, so
 * logging costs a short command next to nothing. {@link LogSetup#apply} replaces it once the
 * command line is read.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogSetup.configure(context, LogSetup.fromEnvironment(), LogFormat.text);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
