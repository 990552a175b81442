package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confdsl confd ...} in-process against confd's file backend: the bytes confd wrote for the
 * same setup (recorded from confd itself, see {@code confd/RECORDED.md}), confd's flags as confd
 * writes them, its log phrases and exit codes.
 */
class ConfdCliTest {

    @TempDir
    Path dir;

    CliRunner.Result confd(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--stacktrace";
        all[1] = "confd";
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--state-dir";
        all[args.length + 3] = dir.resolve("state").toString();
        return CliRunner.run(all);
    }

    @Test
    void everyConfdFunctionRendersTheBytesConfdWrote() throws IOException {
        Path out = dir.resolve("out");
        Path confdir = ConfdFixtures.copy("functions", dir.resolve("confdir"), out);
        CliRunner.Result r = confd("-onetime", "-backend", "file", "-file", confdir.resolve("keys.yaml").toString(),
                "-confdir", confdir.toString(), "-log-level", "info", "-config-file", dir.resolve("none.toml").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(new String(Files.readAllBytes(out.resolve("functions.conf"))))
                .isEqualTo(new String(ConfdFixtures.expected("functions", "functions.conf")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("functions.conf")))).isEqualTo("rw-r-----");
        assertThat(r.err()).contains("INFO Target config " + out.resolve("functions.conf") + " out of sync")
                .contains("INFO Target config " + out.resolve("functions.conf") + " has been updated");
    }

    Path errorsSetup(Path out) throws IOException {
        Path confdir = ConfdFixtures.copy("errors", dir.resolve("confdir"), out);
        Files.writeString(dir.resolve("keys.yaml"), "cloud:\n  subdomain: cloud\n");
        return confdir;
    }

    @Test
    void everyResourceIsProcessedThenExit1WithConfdsPhrases() throws IOException {
        Path out = dir.resolve("out");
        Path confdir = errorsSetup(out);
        CliRunner.Result r = confd("-onetime", "-backend=file", "-file=" + dir.resolve("keys.yaml"), "-confdir=" + confdir,
                "-config-file", dir.resolve("none.toml").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err())
                .contains("ERROR template: missingkey.tmpl:1:4: executing \"missingkey.tmpl\" at <getv \"/cloud/nope\">: error calling getv: key does not exist: /cloud/nope")
                .contains("ERROR Missing template: " + confdir.resolve("templates/nosuch.tmpl"))
                .contains("ERROR Unable to process template " + confdir.resolve("templates/parse.tmpl") + ", template: parse.tmpl:3: function \"getvv\" not defined")
                .contains("ERROR \"checking " + out + "/.d.conf")
                .contains("ERROR Config check failed: exit status 3")
                .contains("INFO Target config " + out.resolve("e.conf") + " has been updated");
        assertThat(out.resolve("d.conf")).as("a failed check leaves the destination alone").doesNotExist();
        assertThat(Files.readString(out.resolve("e.conf"))).isEqualTo("ok\n");
    }

    @Test
    void noopShowsTheDiffAndWritesNothing() throws IOException {
        Path out = dir.resolve("out");
        Path confdir = ConfdFixtures.copy("functions", dir.resolve("confdir"), out);
        CliRunner.Result r = confd("-onetime", "-noop", "-backend", "file", "-file", confdir.resolve("keys.yaml").toString(),
                "-confdir", confdir.toString(), "-config-file", dir.resolve("none.toml").toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("WARNING Noop mode enabled. " + out.resolve("functions.conf") + " will not be modified");
        assertThat(r.out()).contains("+getv: web dflt []");
        assertThat(out.resolve("functions.conf")).doesNotExist();
    }

    @Test
    void theEnvBackendReadsKeysAsConfdNamesThem() throws IOException {
        Path out = dir.resolve("out");
        Path confdir = dir.resolve("confdir");
        Files.createDirectories(confdir.resolve("conf.d"));
        Files.createDirectories(confdir.resolve("templates"));
        Files.writeString(confdir.resolve("conf.d/env.toml"), "[template]\nsrc = \"env.tmpl\"\ndest = \"" + out.resolve("env.conf")
                + "\"\nprefix = \"/app\"\nkeys = [\"/upstream\"]\n");
        Files.writeString(confdir.resolve("templates/env.tmpl"), "{{range gets \"/upstream/*\"}}{{.Key}}={{.Value}}\n{{end}}");
        Files.createDirectories(out);
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = Cli.commandLine(new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true));
        ConfdCommand command = cl.getSubcommands().get("confd").getCommand();
        command.environment = java.util.Map.of("APP_UPSTREAM_A", "10.0.0.1", "APP_UPSTREAM_B", "10.0.0.2", "APPLE", "x", "OTHER", "y");
        int code = cl.execute("confd", "-onetime", "-backend", "env", "-confdir", confdir.toString(),
                "-config-file", dir.resolve("none.toml").toString(), "--state-dir", dir.resolve("state").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(out.resolve("env.conf"))).isEqualTo("/upstream/a=10.0.0.1\n/upstream/b=10.0.0.2\n");
    }

    @Test
    void confdsFlagFormsAndTheirErrors() {
        CliRunner.Result version = confd("-version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).contains("confd mode");

        CliRunner.Result badLevel = confd("-onetime", "-log-level", "loud");
        assertThat(badLevel.code()).isEqualTo(1);
        assertThat(badLevel.err()).contains("FATAL not a valid level: \"loud\"");

        CliRunner.Result badBackend = confd("-onetime", "-backend=consul", "-config-file", dir.resolve("none.toml").toString());
        assertThat(badBackend.code()).isEqualTo(1);
        assertThat(badBackend.err()).contains("FATAL Invalid backend: consul");

        CliRunner.Result unknown = confd("-onetime", "-nodee", "x");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("-nodee");

        CliRunner.Result noDir = confd("-onetime", "-backend", "env", "-confdir", dir.resolve("none").toString(),
                "-config-file", dir.resolve("none.toml").toString());
        assertThat(noDir.code()).as(noDir.toString()).isZero();
        assertThat(noDir.err()).contains("WARNING Cannot load template resources: confdir '" + dir.resolve("none") + "' does not exist");
    }

    @Test
    void anUnreachableEtcdIsAnErrorLineAndExit1() throws IOException {
        Path out = dir.resolve("out");
        Path confdir = ConfdFixtures.copy("functions", dir.resolve("confdir"), out);
        int port = org.confdsl.testkit.FreePorts.next();
        CliRunner.Result r = confd("-onetime", "-backend", "etcdv3", "-node", "127.0.0.1:" + port,
                "-confdir", confdir.toString(), "-config-file", dir.resolve("none.toml").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("INFO Backend source(s) set to 127.0.0.1:" + port).contains(" ERROR ");
        assertThat(out.resolve("functions.conf")).doesNotExist();
    }

    @Test
    void intervalModeRendersAgainEveryIntervalUntilStopped() throws Exception {
        Path out = dir.resolve("out");
        Path confdir = dir.resolve("confdir");
        Files.createDirectories(confdir.resolve("conf.d"));
        Files.createDirectories(confdir.resolve("templates"));
        Files.createDirectories(out);
        Files.writeString(confdir.resolve("conf.d/app.toml"), "[template]\nsrc = \"app.tmpl\"\ndest = \"" + out.resolve("app.conf")
                + "\"\nkeys = [\"/app\"]\n");
        Files.writeString(confdir.resolve("templates/app.tmpl"), "port {{getv \"/app/port\"}}\n");
        Path keys = dir.resolve("keys.yaml");
        Files.writeString(keys, "app:\n  port: 0x50\n");
        java.util.concurrent.atomic.AtomicReference<CliRunner.Result> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread daemon = new Thread(() -> result.set(confd("-interval=1", "-backend", "file", "-file", keys.toString(),
                "-confdir", confdir.toString(), "-config-file", dir.resolve("none.toml").toString())));
        daemon.start();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> Files.exists(out.resolve("app.conf")) && Files.readString(out.resolve("app.conf")).equals("port 80\n"));
            Files.writeString(keys, "app:\n  port: 8080\n");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> Files.readString(out.resolve("app.conf")).equals("port 8080\n"));
        } finally {
            daemon.interrupt();
            daemon.join(30_000);
        }
        assertThat(daemon.isAlive()).isFalse();
        assertThat(result.get().code()).as(result.get().toString()).isZero();
    }

    @Test
    void confdsFlagsGivenToRunPointAtConfdslConfd() {
        CliRunner.Result r = CliRunner.run("run", "site.groovy", "-onetime", "-node", "http://127.0.0.1:2379");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("(-onetime is confd's flag: run a confd setup with 'confdsl confd -onetime ...'");
    }
}
