package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runaway scripts and templates end in one line and their exit code, never in a hang or a stack trace. */
class RunawayCliTest {

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("keys.yaml"), "site:\n  name: demo\nloop:\n  a: 1\n");
        Files.writeString(dir.resolve("site.tmpl"), "name ${getv('/name')}\n");
        Files.writeString(dir.resolve("loop.tmpl"), "start\n<% for (;;) { } %>\n");
    }

    Path script(String text) throws IOException {
        Path script = dir.resolve("site.groovy");
        Files.writeString(script, text);
        return script;
    }

    /** The command line's result, waited for at most 60 s: a hang fails the test. */
    static CliRunner.Result bounded(String... args) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<CliRunner.Result> f = pool.submit(() -> CliRunner.run(args));
            return f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void checkStopsAScriptThatLoopsWhileLoading() throws Exception {
        Path script = script("resource('site') { prefix '/site'; template 'site.tmpl'; dest 'site.conf' }\nwhile (true) {}\n");

        CliRunner.Result r = bounded("check", script.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).as(r.toString()).startsWith("confdsl: (site.groovy, line 2) loading the script took longer than 5s (stopped)");
    }

    @Test
    void endlessRecursionWhileLoadingIsOneLineAndExit2() throws Exception {
        Path script = script("def f(n) { f(n + 1) }\nf(0)\nresource('site') { template 'site.tmpl'; dest 'site.conf' }\n");

        CliRunner.Result r = bounded("run", script.toString(), "--once", "--state-dir", dir.resolve("state").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines().count()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("confdsl: (site.groovy, line 1) stack overflow");
    }

    @Test
    void aLoopingTemplateFailsItsResourceAfterItsRenderTimeoutAndTheOtherIsWritten() throws Exception {
        Path script = script("defaults { renderTimeout '1s' }\n"
                + "resource('loop') { prefix '/loop'; template 'loop.tmpl'; dest 'loop.conf' }\n"
                + "resource('site') { prefix '/site'; template 'site.tmpl'; dest 'site.conf' }\n");

        CliRunner.Result r = bounded("run", script.toString(), "--once", "--state-dir", dir.resolve("state").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.RENDER_FAILED);
        assertThat(r.err()).as(r.toString()).contains("loop FAILED ")
                .contains("(loop.tmpl, line 2) render took longer than 1s (stopped)");
        assertThat(Files.readString(dir.resolve("site.conf"))).isEqualTo("name demo\n");
        assertThat(dir.resolve("loop.conf")).doesNotExist();
    }

    @Test
    void exitInATemplateIsRefusedByCheck() throws Exception {
        Files.writeString(dir.resolve("site.tmpl"), "name ${getv('/name')}\n<% if (false) System.exit(0) %>\n");
        Path script = script("resource('site') { prefix '/site'; template 'site.tmpl'; dest 'site.conf' }\n");

        CliRunner.Result r = bounded("check", script.toString());

        assertThat(r.code()).as(r.toString()).isNotZero();
        assertThat(r.err()).as(r.toString()).contains("(site.tmpl, line 2) System.exit is not allowed");
    }

    @Test
    void aLoopingGoTemplateFailsItsResourceAfterItsRenderTimeoutAndTheOtherIsWritten() throws Exception {
        Files.writeString(dir.resolve("loop.gotmpl"), "start\n{{range seq 1 10000}}{{range seq 1 10000}}{{range seq 1 10000}}{{end}}{{end}}{{end}}\n");
        Path script = script("defaults { renderTimeout '1s' }\n"
                + "resource('loop') { prefix '/loop'; template 'loop.gotmpl'; dest 'loop.conf' }\n"
                + "resource('site') { prefix '/site'; template 'site.tmpl'; dest 'site.conf' }\n");

        CliRunner.Result r = bounded("run", script.toString(), "--once", "--state-dir", dir.resolve("state").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.RENDER_FAILED);
        assertThat(r.err()).as(r.toString()).contains("loop FAILED ")
                .contains("(loop.gotmpl) render took longer than 1s (stopped)");
        assertThat(Files.readString(dir.resolve("site.conf"))).isEqualTo("name demo\n");
        assertThat(dir.resolve("loop.conf")).doesNotExist();
    }

    @Test
    void confdOnetimeStopsAnEndlessAndAHugeGoTemplateAndWritesTheOtherThenExits1() throws Exception {
        Path confdir = dir.resolve("confd");
        Files.createDirectories(confdir.resolve("conf.d"));
        Files.createDirectories(confdir.resolve("templates"));
        Path out = Files.createDirectories(dir.resolve("out"));
        for (String name : new String[] {"a_loop", "b_huge", "c_ok"}) {
            Files.writeString(confdir.resolve("conf.d/" + name + ".toml"), "[template]\nsrc = \"" + name + ".tmpl\"\ndest = \""
                    + out.resolve(name + ".conf") + "\"\nkeys = [\"/site\"]\n");
        }
        Files.writeString(confdir.resolve("templates/a_loop.tmpl"),
                "{{range seq 1 10000}}{{range seq 1 10000}}{{range seq 1 10000}}{{end}}{{end}}{{end}}\n");
        Files.writeString(confdir.resolve("templates/b_huge.tmpl"),
                "{{range seq 1 100000}}{{range seq 1 100000}}{{printf \"%0999d\" 0}}\n{{end}}{{end}}");
        Files.writeString(confdir.resolve("templates/c_ok.tmpl"), "name {{getv \"/site/name\"}}\n");

        CliRunner.Result r = bounded("confd", "-onetime", "-backend", "file", "-file", dir.resolve("keys.yaml").toString(),
                "-confdir", confdir.toString(), "-config-file", dir.resolve("none.toml").toString(),
                "--state-dir", dir.resolve("state").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as(r.toString())
                .contains("ERROR (a_loop.tmpl) render took longer than 5s (stopped)")
                .contains("ERROR (b_huge.tmpl) the render is larger than 16MB (stopped)");
        assertThat(Files.readString(out.resolve("c_ok.conf"))).isEqualTo("name demo\n");
        assertThat(out.resolve("a_loop.conf")).doesNotExist();
        assertThat(out.resolve("b_huge.conf")).doesNotExist();
    }
}
