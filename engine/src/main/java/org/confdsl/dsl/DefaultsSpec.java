package org.confdsl.dsl;

/**
 * The {@code defaults { }} block: file settings that every resource takes unless it sets its own.
 * Words: {@code mode}, {@code owner}, {@code group}, {@code timeout}, {@code mkdirs}, {@code wait},
 * {@code renderTimeout}, {@code renderMaxSize}.
 */
public class DefaultsSpec extends FileSettingsSpec {
}
