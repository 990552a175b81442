package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code confdsl shell} on the command line, and {@code keys ls --format tree}, in-process. */
class ShellCliTest {

    @TempDir
    Path tmp;

    @Test
    void shellHelpNamesTheStoreOptions() {
        CliRunner.Result r = CliRunner.run("shell", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: confdsl shell", "[SCRIPT]", "--endpoints", "--file", "--history");
    }

    @Test
    void shellRefusesTwoStores() {
        CliRunner.Result r = CliRunner.run("shell", "x.groovy", "--file", "keys.yaml");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("confdsl: SCRIPT and --file both name a store; give one\n");
    }

    @Test
    void shellWithoutAStoreSaysHowToNameOne() {
        CliRunner.Result r = CliRunner.run("shell");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("confdsl: no store named; give SCRIPT, --endpoints URL or --file keys.yaml\n");
    }

    @Test
    void keysLsAsATree() {
        Path keys = Examples.copy("quickstart", tmp).resolve("keys.yaml");

        CliRunner.Result r = CliRunner.run("keys", "ls", "/app/upstream", "--file", keys.toString(), "--format", "tree");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("""
                /app/upstream/ (2 keys)
                ├── a = 127.0.0.1:9001
                └── b = 127.0.0.1:9002
                """);
    }
}
