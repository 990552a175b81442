package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code confdsl keys} in-process against a key file and a script's memory store. */
class KeysCliTest {

    @TempDir
    Path dir;

    Path keys;

    @BeforeEach
    void setUp() throws IOException {
        keys = dir.resolve("keys.yaml");
        Files.writeString(keys, "app:\n  port: 8080\n  motd: \"two\\nlines \\\"quoted\\\"\"\n  upstream:\n    b: 10.0.0.2\n    a: 10.0.0.1\n"
                + "apple: red\n");
    }

    CliRunner.Result keys(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "keys";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--file";
        all[args.length + 2] = keys.toString();
        return CliRunner.run(all);
    }

    @Test
    void lsPrintsKeyEqualsValueSortedAndStopsAtKeyBoundaries() {
        CliRunner.Result r = keys("ls", "/app");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("/app/motd = two\\nlines \"quoted\"\n/app/port = 8080\n"
                + "/app/upstream/a = 10.0.0.1\n/app/upstream/b = 10.0.0.2\n");
        assertThat(keys("ls").out()).endsWith("/apple = red\n");
        assertThat(keys("ls", "/nothing").out()).isEmpty();
    }

    @Test
    void lsAsJsonHasTheRevisionAndExactValues() {
        CliRunner.Result r = keys("ls", "/app/upstream", "--format", "json");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("{\"revision\":1,\"keys\":{\"/app/upstream/a\":\"10.0.0.1\",\"/app/upstream/b\":\"10.0.0.2\"}}\n");
        assertThat(keys("ls", "/app/motd", "--format", "json").out())
                .isEqualTo("{\"revision\":1,\"keys\":{\"/app/motd\":\"two\\nlines \\\"quoted\\\"\"}}\n");
    }

    @Test
    void getPrintsTheValueExactly() {
        assertThat(keys("get", "/app/motd").out()).isEqualTo("two\nlines \"quoted\"\n");
        assertThat(keys("get", "/app/port", "--format", "json").out())
                .isEqualTo("{\"revision\":1,\"key\":\"/app/port\",\"value\":\"8080\"}\n");
    }

    @Test
    void aMissingKeyHasItsOwnExitCodeAndPointsAtLs() {
        CliRunner.Result leaf = keys("get", "/app/host");
        CliRunner.Result dirKey = keys("get", "/app/upstream");

        assertThat(leaf.code()).as(leaf.toString()).isEqualTo(ExitCodes.KEY_NOT_FOUND);
        assertThat(leaf.out()).isEmpty();
        assertThat(leaf.err()).isEqualTo("confdsl: key /app/host not found in file " + keys + "\n");
        assertThat(dirKey.code()).isEqualTo(ExitCodes.KEY_NOT_FOUND);
        assertThat(dirKey.err()).contains("(2 keys below it: try 'confdsl keys ls /app/upstream')");
    }

    @Test
    void putPrintsTheNewRevisionAndTheValueIsThere() throws IOException {
        CliRunner.Result r = keys("put", "/app/host", "web 1");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("revision 2\n");
        assertThat(keys("get", "/app/host").out()).isEqualTo("web 1\n");
        assertThat(Files.readString(keys)).contains("host: web 1");
        assertThat(CliRunner.run("keys", "put", "--file", keys.toString(), "/n", "--format", "json", "--", "-1").out()).isEqualTo("{\"revision\":2,\"key\":\"/n\"}\n");
    }

    @Test
    void rmCountsWhatWentAndPrefixStopsAtKeyBoundaries() {
        assertThat(keys("rm", "/app/port").out()).isEqualTo("removed 1 key (revision 2)\n");
        assertThat(keys("rm", "/app/port").out()).isEqualTo("removed 0 keys (revision 1)\n");

        CliRunner.Result prefix = keys("rm", "/app", "--prefix", "--format", "json");

        assertThat(prefix.code()).as(prefix.toString()).isZero();
        assertThat(prefix.out()).isEqualTo("{\"revision\":2,\"removed\":3}\n");
        assertThat(keys("ls").out()).isEqualTo("/apple = red\n");
    }

    @Test
    void rmWithoutPrefixLeavesTheKeysBelow() {
        assertThat(keys("rm", "/app/upstream").out()).isEqualTo("removed 0 keys (revision 1)\n");
        assertThat(keys("ls", "/app/upstream").out()).hasLineCount(2);
    }

    @Test
    void aKeyWithoutALeadingSlashIsAUsageErrorNamingIt() {
        for (String[] args : new String[][] {{"get", "app/port"}, {"ls", "app"}, {"put", "x", "1"}, {"rm", "app", "--prefix"}}) {
            CliRunner.Result r = keys(args);
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("confdsl: key '" + args[1] + "' must start with '/', e.g. '/" + args[1] + "'");
        }
    }

    @Test
    void theStoreOfAScriptIsUsed() throws IOException {
        Files.writeString(dir.resolve("t.tmpl"), "x");
        Path script = dir.resolve("site.groovy");
        Files.writeString(script, "store memory('/m/a': 1, '/m/b': 'two')\nresource('t') { template 't.tmpl'; dest 't.conf' }\n");
        Path fileScript = dir.resolve("file.groovy");
        Files.writeString(fileScript, "store file('keys.yaml')\nresource('t') { template 't.tmpl'; dest 't.conf' }\n");

        assertThat(CliRunner.run("keys", "ls", "-s", script.toString()).out()).isEqualTo("/m/a = 1\n/m/b = two\n");
        assertThat(CliRunner.run("keys", "get", "/apple", "--script", fileScript.toString()).out()).isEqualTo("red\n");
    }

    @Test
    void noStoreOrTwoStoresAreUsageErrors() {
        CliRunner.Result none = CliRunner.run("keys", "ls");
        CliRunner.Result two = keys("ls", "-s", "x.groovy");
        CliRunner.Result fileAndEtcd = keys("ls", "--endpoints", "http://127.0.0.1:2379");
        CliRunner.Result noSubcommand = CliRunner.run("keys");

        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).isEqualTo("confdsl: no store named; give -s SCRIPT, --endpoints URL or --file keys.yaml\n");
        assertThat(two.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).contains("-s/--script and --file both name a store");
        assertThat(fileAndEtcd.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noSubcommand.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noSubcommand.err()).contains("name a subcommand: ls, get, put or rm");
    }

    @Test
    void aMissingKeyFileIsAStoreErrorOnOneLine() {
        CliRunner.Result r = CliRunner.run("keys", "ls", "--file", dir.resolve("nope.yaml").toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.STORE);
        assertThat(r.err().lines()).hasSize(1);
    }
}
