package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, run as a user runs it: a separate JVM, real exit codes, real streams. */
class PackagedProgramIT {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    Run confdsl(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("confdsl.jar", "target/confdsl.jar"));
        assertThat(jar).as("the packaged program").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("confdsl " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void quickstartOnceThenInSync() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        String script = example.resolve("quickstart.groovy").toString();
        String state = tmp.resolve("state").toString();
        Path dest = example.resolve("out/app.conf");

        Run first = confdsl("run", script, "--once", "--state-dir", state);
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo("app UPDATED " + dest + " (revision 1)\n");
        assertThat(first.err()).as("no warnings on a clean run").isEmpty();
        assertThat(dest).hasSameTextualContentAs(example.resolve("expected/app.conf"));

        Run second = confdsl("run", script, "--once", "--state-dir", state);
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).isEqualTo("app IN_SYNC " + dest + " (revision 1)\n");
    }

    @Test
    void aScriptMistakeExits2WithOneLine() throws Exception {
        Path script = tmp.resolve("bad.groovy");
        Files.writeString(script, "resource('a') {\n  destination '/x'\n}\n");

        Run r = confdsl("check", script.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("confdsl: (bad.groovy, line 2) unknown word 'destination' in resource 'a'");
    }

    @Test
    void versionAndHelp() throws Exception {
        Run version = confdsl("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).matches("confdsl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");

        Run help = confdsl("run", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--once", "--watch", "--interval", "--noop", "--sync-only");
    }
}
