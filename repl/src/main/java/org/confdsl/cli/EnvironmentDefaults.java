package org.confdsl.cli;

import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options from the environment: every long option {@code --some-name} of a command that uses this
 * provider can be set as {@code CONFDSL_SOME_NAME} (a flag as {@code true}/{@code false}). The
 * command line wins; without either, the option's own default applies.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

    private final Map<String, String> environment;

    /** Reads the process environment. */
    public EnvironmentDefaults() {
        this(System.getenv());
    }

    /** Reads {@code environment} (tests). */
    public EnvironmentDefaults(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The variable for a long option: {@code --log-level} is {@code CONFDSL_LOG_LEVEL}. */
    public static String variable(String longOption) {
        return "CONFDSL_" + longOption.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--")
                || option.longestName().equals("--help") || option.longestName().equals("--version")) {
            return arg.defaultValue();
        }
        String value = environment.get(variable(option.longestName()));
        return value == null || value.isBlank() ? arg.defaultValue() : value;
    }
}
