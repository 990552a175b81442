package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input ends in a clear message and its documented exit code, and the destination
 * is left as it was (except a failed reload, which is reported and retried).
 */
class FailureCliTest {

    static final String ORIGINAL = "the previous, working config\n";

    @TempDir
    Path dir;

    Path dest;
    Path state;

    @BeforeEach
    void setUp() throws IOException {
        dest = dir.resolve("site.conf");
        state = dir.resolve("state");
        Files.writeString(dest, ORIGINAL);
        Files.writeString(dir.resolve("keys.yaml"), "site:\n  name: demo\n  port: 8080\n");
        Files.writeString(dir.resolve("site.tmpl"), "name ${getv('/name')}\nport ${getv('/port')}\n");
    }

    Path script(String resourceBody) throws IOException {
        Path script = dir.resolve("site.groovy");
        Files.writeString(script, "store file('keys.yaml')\n"
                + "resource('site') {\n"
                + "    prefix '/site'\n"
                + "    template 'site.tmpl'\n"
                + "    dest 'site.conf'\n"
                + resourceBody
                + "}\n");
        return script;
    }

    CliRunner.Result runOnce(Path script, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "run";
        args[1] = script.toString();
        args[2] = "--once";
        args[3] = "--state-dir";
        args[4] = state.toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return CliRunner.run(args);
    }

    @Test
    void templateSyntaxErrorNamesTheTemplateLineAndExits3() throws IOException {
        Files.writeString(dir.resolve("site.tmpl"), "name ${getv('/name')}\nport ${getv('/port'\n");

        CliRunner.Result r = runOnce(script(""));

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.RENDER_FAILED);
        assertThat(r.err()).startsWith("site FAILED " + dest + " (revision 1): (site.tmpl, line 2) ");
        assertThat(Files.readString(dest)).isEqualTo(ORIGINAL);
    }

    @Test
    void missingKeyNamesTheKeyAndExits3() throws IOException {
        Files.writeString(dir.resolve("site.tmpl"), "name ${getv('/name')}\nhost ${getv('/host')}\n");

        CliRunner.Result r = runOnce(script(""));

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.RENDER_FAILED);
        assertThat(r.err()).contains("(site.tmpl, line 2)").contains("'/host'");
        assertThat(Files.readString(dest)).isEqualTo(ORIGINAL);
    }

    @Test
    void failingCheckShowsItsOutputLeavesTheDestinationAndExits4() throws IOException {
        CliRunner.Result r = runOnce(script("    check 'sh -c \"echo bad port in $0; exit 1\" {{.src}}'\n"));

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(r.err()).startsWith("site CHECK_FAILED " + dest).contains("    bad port in ");
        assertThat(Files.readString(dest)).isEqualTo(ORIGINAL);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("state")))
                    .containsExactlyInAnyOrder("site.conf", "keys.yaml", "site.tmpl", "site.groovy");
        }
    }

    @Test
    void failingCheckInPlaceRestoresThePreviousFileAndNeverReloads() throws IOException {
        Path reloaded = dir.resolve("reloaded");
        CliRunner.Result r = runOnce(script(
                "    check 'sh -c \"! grep -q 8080 {{.dest}}\"', inPlace: true\n"
                + "    reload 'touch " + reloaded + "'\n"));

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(Files.readString(dest)).isEqualTo(ORIGINAL);
        assertThat(reloaded).doesNotExist();
    }

    @Test
    void failingReloadExits5AndTheNextRunRetriesIt() throws IOException {
        Path allow = dir.resolve("allow-reload");
        Path script = script("    reload 'test -f " + allow + "'\n");

        CliRunner.Result first = runOnce(script);
        assertThat(first.code()).as(first.toString()).isEqualTo(ExitCodes.RELOAD_FAILED);
        assertThat(first.err()).startsWith("site RELOAD_FAILED " + dest);
        assertThat(Files.readString(dest)).isEqualTo("name demo\nport 8080\n");

        CliRunner.Result stillFailing = runOnce(script);
        assertThat(stillFailing.code()).as(stillFailing.toString()).isEqualTo(ExitCodes.RELOAD_FAILED);

        Files.writeString(allow, "");
        CliRunner.Result retried = runOnce(script);
        assertThat(retried.code()).as(retried.toString()).isEqualTo(ExitCodes.OK);
        assertThat(retried.out()).startsWith("site UPDATED " + dest);

        CliRunner.Result settled = runOnce(script);
        assertThat(settled.out()).startsWith("site IN_SYNC " + dest);
    }

    @Test
    void oneFailingResourceNeverStopsTheOthers() throws IOException {
        Path script = dir.resolve("two.groovy");
        Files.writeString(script, "store file('keys.yaml')\n"
                + "resource('bad') { prefix '/site'; template 'site.tmpl'; dest 'bad.conf'; check 'false' }\n"
                + "resource('good') { prefix '/site'; template 'site.tmpl'; dest 'good.conf' }\n");

        CliRunner.Result r = runOnce(script);

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(r.out()).startsWith("good UPDATED ");
        assertThat(r.err()).startsWith("bad CHECK_FAILED ");
        assertThat(dir.resolve("good.conf")).hasContent("name demo\nport 8080");
        assertThat(dir.resolve("bad.conf")).doesNotExist();
    }

    @Test
    void scriptMistakeExits2WithFileAndLineAndNoStackTrace() throws IOException {
        CliRunner.Result r = runOnce(script("    mode '999'\n"));

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("confdsl: (site.groovy, line 6) mode '999' is not an octal file mode; write e.g. mode '0644'\n");
        assertThat(Files.readString(dest)).isEqualTo(ORIGINAL);
    }

    @Test
    void stacktraceOptionShowsTheTrace() throws IOException {
        CliRunner.Result r = runOnce(script("    mode '999'\n"), "--stacktrace");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("\tat org.confdsl.");
    }

    @Test
    void malformedKeyFileNamesFileAndLineAndExits6() throws IOException {
        Files.writeString(dir.resolve("keys.yaml"), "site:\n  name: demo\n port: : 8080\n");

        CliRunner.Result r = runOnce(script(""));

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.STORE);
        assertThat(r.err()).startsWith("confdsl: ").contains("keys.yaml").contains("line 3");
        assertThat(Files.readString(dest)).isEqualTo(ORIGINAL);
    }

    @Test
    void onceWithWatchIsAUsageError() throws IOException {
        CliRunner.Result r = runOnce(script(""), "--watch");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("confdsl: --once is one pass; it does not go with --watch or --interval\n");
        assertThat(Files.readString(dest)).isEqualTo(ORIGINAL);
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Result r = CliRunner.run("run", "x.groovy", "--bogus");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("confdsl run --help");
    }

    @Test
    void helpAndVersion() {
        CliRunner.Result help = CliRunner.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("run", "render", "check", "Exit codes:", "4  a check command rejected a candidate");

        CliRunner.Result version = CliRunner.run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("confdsl ");
    }
}
