package org.confdsl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.confdsl.cli.ExitCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resource commands through the shell's loop, on a copy of the quickstart. */
class ShellResourcesTest {

    @TempDir
    Path tmp;

    Path example;
    Path script;
    Path dest;

    @BeforeEach
    void copyQuickstart() {
        example = ShellHarness.example("quickstart", tmp);
        script = example.resolve("quickstart.groovy");
        dest = example.resolve("out/app.conf");
    }

    ShellHarness shell() {
        return ShellHarness.onScript(script, tmp.resolve("state"));
    }

    @Test
    void diffSyncAndResourcesWalkThrough() throws Exception {
        try (ShellHarness shell = shell()) {
            ShellHarness.Result r = shell.run("resources\nsync app\ndiff app\nput /app/upstream/b 127.0.0.1:9003\n"
                    + "diff app\nsync app\nresources\n");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("NAME  DEST", "LAST OUTCOME", "app   " + dest + "  /app/name,/app/port,/app/upstream  -\n")
                    .contains("app UPDATED " + dest + " (revision 1)\n")
                    .contains("app: in sync with " + dest + "\n")
                    .contains("-    server 127.0.0.1:9002;\n+    server 127.0.0.1:9003;\n")
                    .contains("app UPDATED " + dest + " (revision 2)\n")
                    .endsWith("/app/upstream  UPDATED (revision 2)\n");
            assertThat(r.out()).as("a dumb terminal gets no ANSI codes").doesNotContain("\u001b[");
            assertThat(dest).content().contains("server 127.0.0.1:9003;");
        }
    }

    @Test
    void renderWritesNothing() throws Exception {
        try (ShellHarness shell = shell()) {
            ShellHarness.Result r = shell.run("render app\n");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).isEqualTo(Files.readString(example.resolve("expected/app.conf")));
            assertThat(dest).doesNotExist();
        }
    }

    @Test
    void anUnknownResourceIsAUsageError() throws Exception {
        try (ShellHarness shell = shell()) {
            ShellHarness.Result r = shell.run("diff nope\n");

            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).isEqualTo("error: no resource 'nope' in quickstart.groovy; it declares: app\n");
        }
    }

    @Test
    void reloadReadsEditedTemplatesAndABrokenScriptKeepsTheOldOne() throws Exception {
        try (ShellHarness shell = shell()) {
            Path template = example.resolve("app.conf.tmpl");
            Files.writeString(template, Files.readString(template).replace("listen ", "listen  "));
            Path broken = example.resolve("broken.groovy");
            Files.writeString(broken, "resource('x') {\n  destination '/x'\n}\n");

            ShellHarness.Result r = shell.run("reload\nrender app\nload broken.groovy\nload " + broken + "\nresources\n");

            assertThat(r.out()).contains("loaded quickstart.groovy: 1 resource (app), store: file " + example.resolve("keys.yaml"))
                    .contains("    listen  8080;")
                    .contains("\napp   " + dest);
            assertThat(r.err()).contains("error: (broken.groovy, line 2) unknown word 'destination' in resource 'x'");
            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        }
    }

    @Test
    void evalBindsTheTemplateFunctionsToTheLiveStore() throws Exception {
        try (ShellHarness shell = shell()) {
            ShellHarness.Result r = shell.run("= getvs('/app/upstream/*')\nput /app/port 9090\neval getv('/app/port') as int + 1\n"
                    + "= ls('/app')\n= nosuch(1)\n= getv('/missing')\n= (\n");

            assertThat(r.out()).isEqualTo("[127.0.0.1:9001, 127.0.0.1:9002]\nrevision 2\n9091\n[name, port, upstream]\n");
            assertThat(r.err().lines().toList()).hasSize(3).allMatch(l -> l.startsWith("error: "));
            assertThat(r.err()).contains("no function nosuch").contains("/missing").contains("does not compile");
        }
    }

    @Test
    void helpListsCommandsAndShowsOneCommandsUsage() throws Exception {
        try (ShellHarness shell = shell()) {
            ShellHarness.Result r = shell.run("help\nhelp ls\ndiff --help\n");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("  ls ", "  get ", "  put ", "  rm ", "  watch ", "  resources ", "  render ", "  diff ",
                    "  sync ", "  load ", "  reload ", "  eval ", "  help ", "  exit ", "  = EXPR ");
            assertThat(r.out()).contains("Usage: ls [-h] [--format=FORMAT] [PREFIX]", "Default: tree")
                    .contains("Usage: diff [-h] [RESOURCE...]");
            assertThat(r.out()).as("store choice is the shell's, not an option").doesNotContain("--endpoints", "--script");
        }
    }
}
