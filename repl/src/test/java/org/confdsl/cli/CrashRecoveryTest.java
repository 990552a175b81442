package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real daemon (a child JVM) killed with SIGKILL inside a step, then started again: the state
 * after the restart is known. Each window is made wide by a check or reload script that records
 * its pid and waits while a flag file exists; the test waits for the record, then kills.
 */
class CrashRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private CrashScene scene;

    @AfterEach
    void killStrays() throws Exception {
        if (scene != null) {
            scene.killStrays();
        }
    }

    @Test
    void killedDuringAnInPlaceCheckTheNextRunRestoresThePreviousFileAndRejectsTheCandidateAgain() throws Exception {
        scene = new CrashScene(tmp, true);
        scene.value("good1");
        CliRunner.Result first = ChildDaemon.run(tmp, scene.args("--once"));
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(scene.destText()).isEqualTo(CrashScene.render("good1"));

        scene.value("bad2");
        Files.createFile(scene.slowCheck);
        try (ChildDaemon daemon = ChildDaemon.start(tmp, scene.args("--watch"))) {
            await().atMost(WAIT).until(() -> CrashScene.pids(scene.checkStarted).size() == 2);
            daemon.kill9();
        }
        long orphanedCheck = CrashScene.pids(scene.checkStarted).get(1);
        Files.delete(scene.slowCheck);

        CliRunner.Result restart = ChildDaemon.run(tmp, scene.args("--once"));

        assertThat(restart.out()).as(restart.toString()).doesNotContain("IN_SYNC");
        assertThat(restart.code()).as(restart.toString()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(scene.destText()).as("the previous file is back").isEqualTo(CrashScene.render("good1"));
        assertThat(scene.leftovers()).isEmpty();
        assertThat(CrashScene.running(orphanedCheck)).as("the orphaned check still runs").isFalse();
    }

    @Test
    void killedBetweenSwapAndReloadTheReloadRunsAfterTheRestart() throws Exception {
        scene = new CrashScene(tmp, false);
        scene.value("good1");
        CliRunner.Result first = ChildDaemon.run(tmp, scene.args("--once"));
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(Files.readAllLines(scene.reloadLog)).containsExactly("value = good1");

        scene.value("good2");
        Files.createFile(scene.slowReload);
        try (ChildDaemon daemon = ChildDaemon.start(tmp, scene.args("--watch"))) {
            await().atMost(WAIT).until(() -> CrashScene.pids(scene.reloadStarted).size() == 2);
            daemon.kill9();
        }
        long orphanedReload = CrashScene.pids(scene.reloadStarted).get(1);
        assertThat(scene.destText()).as("swapped before the reload").isEqualTo(CrashScene.render("good2"));
        Files.delete(scene.slowReload);

        CliRunner.Result restart = ChildDaemon.run(tmp, scene.args("--once"));

        assertThat(restart.code()).as(restart.toString()).isZero();
        assertThat(restart.out()).as(restart.toString()).contains("retried the pending reload");
        assertThat(Files.readAllLines(scene.reloadLog)).as("reloaded with the new file after the restart")
                .containsExactly("value = good1", "value = good2");
        assertThat(CrashScene.running(orphanedReload)).as("the orphaned reload still runs").isFalse();
        assertThat(scene.leftovers()).isEmpty();
    }

    @Test
    void killedDuringACheckOfAStageFileLeavesNothingBehindAfterTheRestart() throws Exception {
        scene = new CrashScene(tmp, false);
        scene.value("good1");
        assertThat(ChildDaemon.run(tmp, scene.args("--once")).code()).isZero();

        scene.value("good2");
        Files.createFile(scene.slowCheck);
        try (ChildDaemon daemon = ChildDaemon.start(tmp, scene.args("--watch"))) {
            await().atMost(WAIT).until(() -> CrashScene.pids(scene.checkStarted).size() == 2);
            daemon.kill9();
        }
        List<Path> afterKill = scene.leftovers();
        assertThat(afterKill).as("a stage file and the command's output file are left by the kill").isNotEmpty();
        Files.delete(scene.slowCheck);

        CliRunner.Result restart = ChildDaemon.run(tmp, scene.args("--once"));

        assertThat(restart.code()).as(restart.toString()).isZero();
        assertThat(scene.destText()).isEqualTo(CrashScene.render("good2"));
        assertThat(scene.leftovers()).isEmpty();
    }

    @Test
    void aSecondDaemonIsRefusedAtOnceAndAOneShotRunWaitsThenNamesTheHolder() throws Exception {
        scene = new CrashScene(tmp, false);
        scene.value("good1");
        try (ChildDaemon first = ChildDaemon.start(tmp, scene.args("--watch"))) {
            await().atMost(WAIT).until(() -> first.out().contains("app UPDATED"));
            String holder = "is being written by confdsl daemon (pid " + first.pid() + " on host "
                    + Files.readString(Path.of("/proc/sys/kernel/hostname")).strip() + ", since ";

            CliRunner.Result second = ChildDaemon.run(tmp, scene.args("--watch"));
            CliRunner.Result once = ChildDaemon.run(tmp, scene.args("--once"));

            assertThat(second.code()).as(second.toString()).isEqualTo(ExitCodes.RENDER_FAILED);
            // The daemon's own start line may come first.
            assertThat(second.err()).as(second.toString()).contains("confdsl: " + scene.dest + " " + holder)
                    .contains("one confdsl per destination");
            assertThat(once.code()).as(once.toString()).isEqualTo(ExitCodes.RENDER_FAILED);
            assertThat(once.err()).as(once.toString()).startsWith("app FAILED " + scene.dest).contains(holder, "(waited 5s)");
            assertThat(first.isAlive()).isTrue();
            first.kill9();
        }
        CliRunner.Result afterDeath = ChildDaemon.run(tmp, scene.args("--once"));
        assertThat(afterDeath.code()).as("a dead holder blocks nobody: " + afterDeath).isZero();
    }
}
