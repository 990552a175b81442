package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --once} processes every resource and exits with the LARGEST code among their
 * outcomes (README, exit codes), whatever order the failures come in.
 */
class ExitCodeOrderCliTest {

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("keys.yaml"), "site:\n  name: demo\n");
        Files.writeString(dir.resolve("ok.tmpl"), "name ${getv('/name')}\n");
        Files.writeString(dir.resolve("missing.tmpl"), "host ${getv('/host')}\n");
    }

    /** A resource block; {@code body} adds check or reload words. */
    static String resource(String name, String template, String body) {
        return "resource('" + name + "') {\n"
                + "    prefix '/site'\n"
                + "    template '" + template + "'\n"
                + "    dest '" + name + ".conf'\n"
                + body
                + "}\n";
    }

    CliRunner.Result runOnce(String... resources) throws IOException {
        Path script = dir.resolve("sites.groovy");
        Files.writeString(script, "store file('keys.yaml')\n" + String.join("", resources));
        return CliRunner.run("run", script.toString(), "--once", "--state-dir", dir.resolve("state").toString());
    }

    @Test
    void aRenderFailureFollowedByACheckFailureExitsWithTheCheckFailuresLargerCode() throws IOException {
        CliRunner.Result r = runOnce(
                resource("a", "missing.tmpl", ""),
                resource("b", "ok.tmpl", "    check 'false'\n"),
                resource("c", "ok.tmpl", ""));

        assertThat(r.err()).contains("a FAILED").contains("b CHECK_FAILED");
        assertThat(r.out()).contains("c UPDATED");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CHECK_FAILED);
    }

    @Test
    void aReloadFailureBetweenTwoSmallerFailuresSetsTheExitCode() throws IOException {
        CliRunner.Result r = runOnce(
                resource("a", "ok.tmpl", "    check 'false'\n"),
                resource("b", "ok.tmpl", "    reload 'false'\n"),
                resource("c", "missing.tmpl", ""));

        assertThat(r.err()).contains("a CHECK_FAILED").contains("b RELOAD_FAILED").contains("c FAILED");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.RELOAD_FAILED);
    }
}
