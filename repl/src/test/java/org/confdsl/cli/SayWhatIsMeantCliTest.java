package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.confdsl.testkit.FreePorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages that say what is really the matter, and what to write instead. */
class SayWhatIsMeantCliTest {

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("keys.yaml"), "site:\n  name: demo\n  port: 8080\n");
        Files.writeString(dir.resolve("site.tmpl"), "name ${getv('/name')}\nport ${getv('/port')}\n");
    }

    Path script(String resourceBody) throws IOException {
        Path script = dir.resolve("site.groovy");
        Files.writeString(script, "resource('site') {\n    prefix '/site'\n    template 'site.tmpl'\n    dest 'site.conf'\n"
                + resourceBody + "}\n");
        return script;
    }

    CliRunner.Result runOnce(Path script) {
        return CliRunner.run("run", script.toString(), "--once", "--state-dir", dir.resolve("state").toString());
    }

    @Test
    void aKeyThatExistsOutsideTheResourcesKeysIsReportedAsNotWatched() throws IOException {
        CliRunner.Result r = runOnce(script("    keys '/name'\n"));

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.RENDER_FAILED);
        assertThat(r.err()).as(r.toString()).contains("(site.tmpl, line 2) key '/port' exists in the store (as /site/port)"
                + " but is not among the keys resource 'site' watches (keys '/name'); add it to keys, e.g. keys '/name', '/port'");
    }

    @Test
    void aKeyThatDoesNotExistIsStillNotFound() throws IOException {
        Files.writeString(dir.resolve("site.tmpl"), "name ${getv('/name')}\nhost ${getv('/host')}\n");

        CliRunner.Result r = runOnce(script("    keys '/name'\n"));

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.RENDER_FAILED);
        assertThat(r.err()).as(r.toString()).contains("(site.tmpl, line 2) key '/host' not found (under prefix /site)");
    }

    @Test
    void modeWrittenAsAnOctalNumberGetsTheHintWithTheSameDigits() throws IOException {
        CliRunner.Result r = CliRunner.run("check", script("    mode 0644\n").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).as(r.toString())
                .contains("(site.groovy, line 5) mode 0644 is a number; write the octal mode as a string: mode '0644'");
    }

    @Test
    void runOnceWithEtcdDownSaysItFailsAndNeverThatItKeepsTrying() throws IOException {
        Files.writeString(dir.resolve("site.groovy"), "store etcd('http://127.0.0.1:" + FreePorts.next() + "')\n"
                + "resource('site') { prefix '/site'; template 'site.tmpl'; dest 'site.conf' }\n");
        PrintStream original = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        CliRunner.Result r;
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            r = CliRunner.run("run", dir.resolve("site.groovy").toString(), "--once", "--timeout", "2s",
                    "--state-dir", dir.resolve("state").toString());
        } finally {
            System.setErr(original);
        }
        String all = r.err() + logged.toString(StandardCharsets.UTF_8);

        assertThat(r.code()).as(all).isEqualTo(ExitCodes.STORE);
        assertThat(r.err()).as(all).contains("etcd unreachable at http://127.0.0.1:");
        assertThat(all).doesNotContain("keep trying");
    }
}
