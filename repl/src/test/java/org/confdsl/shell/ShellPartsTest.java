package org.confdsl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

/** The small parts: colors, the input highlighter, the history location. */
class ShellPartsTest {

    static final String ESC = "\u001b[";

    @Test
    void diffLinesAreColoredOnlyWhenColorsAreOn() {
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(new DiffColorWriter(sink, new Style(true)), true);
        out.print("--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n same\n");
        out.flush();

        assertThat(sink.toString().lines().toList()).containsExactly(
                ESC + "1m--- a" + ESC + "0m", ESC + "1m+++ b" + ESC + "0m", ESC + "36m@@ -1 +1 @@" + ESC + "0m",
                ESC + "31m-old" + ESC + "0m", ESC + "32m+new" + ESC + "0m", " same");

        StringWriter plain = new StringWriter();
        PrintWriter off = new PrintWriter(new DiffColorWriter(plain, new Style(false)), true);
        off.print("-old\n+new\n");
        off.flush();
        assertThat(plain.toString()).isEqualTo("-old\n+new\n");
    }

    @Test
    void noColorOnADumbTerminalOrWithNoColorSet() throws Exception {
        try (Terminal dumb = new DumbTerminal("t", Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(ShellTerminal.colors(dumb, name -> null)).isFalse();
            assertThat(ShellTerminal.isInteractive(dumb)).isFalse();
        }
        try (Terminal xterm = org.jline.terminal.TerminalBuilder.builder().system(false).type("xterm-256color")
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
            assertThat(ShellTerminal.colors(xterm, name -> null)).isTrue();
            assertThat(ShellTerminal.colors(xterm, Map.of("NO_COLOR", "1")::get)).isFalse();
            assertThat(ShellTerminal.colors(xterm, Map.of("NO_COLOR", "")::get)).as("no-color.org: only a non-empty value").isTrue();
            assertThat(ShellTerminal.isInteractive(xterm)).isTrue();
        }
    }

    @Test
    void highlighterMarksCommandsUnknownWordsOptionsAndExpressions() {
        InputHighlighter on = new InputHighlighter(() -> Set.of("ls", "eval"), new Style(true));
        assertThat(on.highlight(null, "ls --format tree /app").toAnsi())
                .isEqualTo(ESC + "1mls" + ESC + "0m " + ESC + "33m--format" + ESC + "0m tree /app");
        assertThat(on.highlight(null, "lss /app").toAnsi()).startsWith(ESC + "31mlss");
        assertThat(on.highlight(null, "= getv('/a')").toAnsi()).isEqualTo(ESC + "36m= getv('/a')" + ESC + "0m");

        InputHighlighter off = new InputHighlighter(() -> Set.of("ls"), new Style(false));
        assertThat(off.highlight(null, "lss --x").toAnsi()).isEqualTo("lss --x");
    }

    @Test
    void historyLivesInTheStateDirectory() {
        Path home = Path.of(System.getProperty("user.home"));
        assertThat(HistoryLocation.resolve(Path.of("/tmp/h"), name -> null)).isEqualTo(Path.of("/tmp/h"));
        assertThat(HistoryLocation.resolve(null, Map.of("XDG_STATE_HOME", "/var/state")::get))
                .isEqualTo(Path.of("/var/state/confdsl/history"));
        assertThat(HistoryLocation.resolve(null, name -> null)).isEqualTo(home.resolve(".local/state/confdsl/history"));
        assertThat(HistoryLocation.resolve(null, Map.of("XDG_STATE_HOME", "relative")::get))
                .as("a relative XDG path is ignored, as the spec says").isEqualTo(home.resolve(".local/state/confdsl/history"));
    }
}
