package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real signals sent with kill(1) to the packaged program running as a watch daemon. */
class DaemonSignalsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void sighupAppliesAnEditedTemplateWithoutARestartAndABadScriptKeepsTheOldDefinitions() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        Path dest = example.resolve("out/app.conf");
        try (ProgramProcess daemon = ProgramProcess.start(tmp, Map.of(), "run", example.resolve("quickstart.groovy").toString(),
                "--state-dir", tmp.resolve("state").toString())) {
            daemon.awaitOutput("app UPDATED " + dest + " (revision 1)", WAIT);
            long pid = daemon.pid();

            Path template = example.resolve("app.conf.tmpl");
            Files.writeString(template, Files.readString(template) + "# reloaded by SIGHUP\n");
            daemon.signal("HUP");
            await().atMost(WAIT).untilAsserted(() -> assertThat(dest).content().contains("# reloaded by SIGHUP"));
            daemon.awaitOutput("reloaded: script " + example.resolve("quickstart.groovy"), WAIT);
            assertThat(daemon.alive()).isTrue();
            assertThat(daemon.pid()).isEqualTo(pid);

            Path script = example.resolve("quickstart.groovy");
            String good = Files.readString(script);
            Files.writeString(script, good + "resource('broken') {\n    nosuchword 1\n}\n");
            daemon.signal("HUP");
            daemon.awaitOutput("reload failed, the running definitions stay: (quickstart.groovy, line", WAIT);

            // The old definitions still run: a key change is applied.
            Path keys = example.resolve("keys.yaml");
            Files.writeString(keys, Files.readString(keys).replace("9002", "9003"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(dest).content().contains("127.0.0.1:9003"));

            daemon.signal("TERM");
            assertThat(daemon.awaitExit(WAIT)).as(daemon.toString()).isZero();
            assertThat(daemon.err()).contains("SIGTERM: stopping after the sync in progress", "Daemon: stopped");
            assertThat(daemon.out() + daemon.err()).doesNotContain("FAILED", "interrupted");
        }
    }

    @Test
    void aDaemonStartedUnderNohupSaysThatItCannotReloadBySighupAndKeepsRunning() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        Path dest = example.resolve("out/app.conf");
        try (ProgramProcess daemon = ProgramProcess.startUnderNohup(tmp, Map.of(), "run", example.resolve("quickstart.groovy").toString(),
                "--state-dir", tmp.resolve("state").toString())) {
            daemon.awaitOutput("app UPDATED " + dest + " (revision 1)", WAIT);
            assertThat(daemon.err()).contains("SIGHUP was ignored when confdsl started (nohup does that)");

            daemon.signal("HUP");
            Path keys = example.resolve("keys.yaml");
            Files.writeString(keys, Files.readString(keys).replace("9002", "9003"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(dest).content().contains("127.0.0.1:9003"));
            assertThat(daemon.alive()).as("a SIGHUP the daemon ignores does not end it").isTrue();

            daemon.signal("TERM");
            assertThat(daemon.awaitExit(WAIT)).as(daemon.toString()).isZero();
        }
    }

    @Test
    void sigtermDuringTheFirstPassLetsTheSyncFinishAndExitsZeroWithNoFalseOutcome() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        Path script = example.resolve("quickstart.groovy");
        // A check that takes a while: the signal arrives while the first pass is inside it.
        Files.writeString(script, Files.readString(script).replace("check    'grep -q upstream {{.src}}'",
                "check    'sh -c \"touch checking; sleep 2; grep -q upstream $0\" {{.src}}'"));
        try (ProgramProcess daemon = ProgramProcess.start(example, Map.of(), "run", script.toString(),
                "--state-dir", tmp.resolve("state").toString())) {
            await().atMost(WAIT).until(() -> Files.exists(example.resolve("checking")));
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(WAIT)).as(daemon.toString()).isZero();
            assertThat(daemon.out()).as(daemon.toString()).contains("app UPDATED");
            assertThat(daemon.out() + daemon.err()).as(daemon.toString()).doesNotContain("FAILED", "interrupted");
            assertThat(example.resolve("out/app.conf")).exists();
        }
    }

    @Test
    void sigintStopsAnIntervalDaemonWithExitZero() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        try (ProgramProcess daemon = ProgramProcess.start(tmp, Map.of("CONFDSL_INTERVAL", "1m30s"), "run",
                example.resolve("quickstart.groovy").toString(), "--state-dir", tmp.resolve("state").toString())) {
            daemon.awaitOutput("mode interval, a pass every 1m30s", WAIT);
            daemon.awaitOutput("app UPDATED", WAIT);
            daemon.signal("INT");
            assertThat(daemon.awaitExit(WAIT)).as(daemon.toString()).isZero();
            assertThat(daemon.err()).contains("SIGINT: stopping", "Daemon: stopped");
        }
    }

    @Test
    void execModeStartsTheChildAfterTheFirstRenderAndEndsWithItsCode() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        Path dest = example.resolve("out/app.conf");
        // The child proves the destination was there before it started, then exits 7.
        try (ProgramProcess daemon = ProgramProcess.start(tmp, Map.of(), "run", example.resolve("quickstart.groovy").toString(),
                "--state-dir", tmp.resolve("state").toString(), "--exec", "sh -c 'test -s " + dest + " && exit 7'")) {
            assertThat(daemon.awaitExit(WAIT)).as(daemon.toString()).isEqualTo(7);
            assertThat(daemon.err()).contains("the exec child exited with 7");
        }
    }

    @Test
    void execModePassesSigtermToTheChild() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        Path marker = tmp.resolve("child-got-term");
        String child = "sh -c 'trap \"touch " + marker + "; exit 0\" TERM; touch " + tmp.resolve("child-up") + "; while :; do sleep 0.1; done'";
        try (ProgramProcess daemon = ProgramProcess.start(tmp, Map.of(), "run", example.resolve("quickstart.groovy").toString(),
                "--state-dir", tmp.resolve("state").toString(), "--exec", child)) {
            await().atMost(WAIT).until(() -> Files.exists(tmp.resolve("child-up")));
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(WAIT)).as(daemon.toString()).isZero();
            assertThat(marker).as("the child received SIGTERM").exists();
        }
    }

    @Test
    void aResourceReloadsTheExecChildBySignal() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        Path script = example.resolve("quickstart.groovy");
        Files.writeString(script, Files.readString(script).replace("    mkdirs   true\n", "    mkdirs   true\n    reload   signal: 'HUP'\n"));
        Path hups = tmp.resolve("hups");
        String child = "sh -c 'trap \"echo hup >> " + hups + "\" HUP; trap \"exit 0\" TERM; touch " + tmp.resolve("child-up")
                + "; while :; do sleep 0.1; done'";
        try (ProgramProcess daemon = ProgramProcess.start(tmp, Map.of(), "run", script.toString(),
                "--state-dir", tmp.resolve("state").toString(), "--exec", child)) {
            await().atMost(WAIT).until(() -> Files.exists(tmp.resolve("child-up")));
            Path keys = example.resolve("keys.yaml");
            Files.writeString(keys, Files.readString(keys).replace("9002", "9003"));
            await().atMost(WAIT).until(() -> Files.exists(hups) && Files.readString(hups).contains("hup"));
            daemon.awaitOutput("app UPDATED", WAIT);
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(WAIT)).as(daemon.toString()).isZero();
            assertThat(daemon.out() + daemon.err()).doesNotContain("RELOAD_FAILED");
        }
    }
}
