package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quickstart, in-process: run, run again, edit a key, dry-run the change. */
class QuickstartCliTest {

    @TempDir
    Path tmp;

    Path example;
    Path script;
    Path dest;
    Path state;

    @BeforeEach
    void copyExample() {
        example = Examples.copy("quickstart", tmp);
        script = example.resolve("quickstart.groovy");
        dest = example.resolve("out/app.conf");
        state = tmp.resolve("state");
    }

    CliRunner.Result confdsl(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--state-dir";
        all[args.length + 1] = state.toString();
        return CliRunner.run(all);
    }

    @Test
    void firstRunWritesTheGoldenFileAndPrintsOneOutcomeLine() throws IOException {
        CliRunner.Result r = confdsl("run", script.toString(), "--once");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("app UPDATED " + dest + " (revision 1)\n");
        assertThat(Files.readString(dest)).isEqualTo(Files.readString(example.resolve("expected/app.conf")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest))).isEqualTo("rw-r--r--");
    }

    @Test
    void secondRunIsInSyncAndTouchesNothing() throws IOException {
        confdsl("run", script.toString(), "--once");
        var modified = Files.getLastModifiedTime(dest);

        CliRunner.Result r = confdsl("run", script.toString(), "--once");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("app IN_SYNC " + dest + " (revision 1)\n");
        assertThat(Files.getLastModifiedTime(dest)).isEqualTo(modified);
    }

    @Test
    void noopAfterEditingTheKeysPrintsTheDiffAndWritesNothing() throws IOException {
        confdsl("run", script.toString(), "--once");
        String before = Files.readString(dest);
        Path keys = example.resolve("keys.yaml");
        Files.writeString(keys, Files.readString(keys).replace("127.0.0.1:9002", "127.0.0.1:9003"));

        CliRunner.Result r = confdsl("run", script.toString(), "--once", "--noop");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("app WOULD_UPDATE " + dest);
        assertThat(r.out()).contains("-    server 127.0.0.1:9002;\n+    server 127.0.0.1:9003;\n");
        assertThat(Files.readString(dest)).isEqualTo(before);
        try (var files = Files.list(dest.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("app.conf");
        }
    }

    @Test
    void renderPrintsTheTextAndRenderDiffSaysInSync() throws IOException {
        CliRunner.Result render = confdsl("render", script.toString());
        assertThat(render.code()).as(render.toString()).isEqualTo(ExitCodes.OK);
        assertThat(render.out()).isEqualTo(Files.readString(example.resolve("expected/app.conf")));
        assertThat(Files.exists(dest)).isFalse();

        confdsl("run", script.toString(), "--once");
        CliRunner.Result diff = confdsl("render", script.toString(), "app", "--diff");
        assertThat(diff.code()).as(diff.toString()).isEqualTo(ExitCodes.OK);
        assertThat(diff.out()).isEqualTo("app: in sync with " + dest + "\n");
    }

    @Test
    void checkValidatesTheScriptAndItsTemplates() {
        CliRunner.Result r = confdsl("check", script.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("quickstart.groovy: ok (1 resource, store: file ");
    }

    @Test
    void anUnknownResourceIsAUsageError() {
        CliRunner.Result r = confdsl("render", script.toString(), "nope");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("confdsl: no resource 'nope' in quickstart.groovy; it declares: app\n");
    }
}
