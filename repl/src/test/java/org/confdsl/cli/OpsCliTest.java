package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's operations options in-process: environment defaults, completion, log level errors, --noop's line. */
class OpsCliTest {

    @TempDir
    Path tmp;

    @Test
    void everyLongOptionOfRunHasAConfdslVariable() {
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        CommandLine run = root.getSubcommands().get("run");
        Map<String, String> env = Map.of("CONFDSL_LOG_LEVEL", "debug", "CONFDSL_METRICS_ADDR", "127.0.0.1:1", "CONFDSL_STOP_GRACE", "1m30s",
                "CONFDSL_NOOP", "true", "CONFDSL_HOST", "web7", "CONFDSL_STATE_DIR", "/var/lib/x", "CONFDSL_EXEC", "nginx -g 'daemon off;'");
        run.setDefaultValueProvider(new EnvironmentDefaults(env));
        root.parseArgs("run", "script.groovy", "--host", "web8");
        RunCommand command = run.getCommand();
        assertThat(command.ops.logLevel).isEqualTo("debug");
        assertThat(command.ops.metricsAddr).isEqualTo("127.0.0.1:1");
        assertThat(command.ops.stopGrace).hasSeconds(90);
        assertThat(command.ops.exec).isEqualTo("nginx -g 'daemon off;'");
        assertThat(command.noop).isTrue();
        assertThat(command.host).as("the command line wins").isEqualTo("web8");
        assertThat(command.script.stateDir).isEqualTo(Path.of("/var/lib/x"));
        for (CommandLine.Model.OptionSpec option : run.getCommandSpec().options()) {
            assertThat(EnvironmentDefaults.variable(option.longestName())).matches("CONFDSL_[A-Z_]+");
        }
        assertThat(EnvironmentDefaults.variable("--keep-stage-file")).isEqualTo("CONFDSL_KEEP_STAGE_FILE");
    }

    @Test
    void completionScriptsForBashAndZsh() {
        CliRunner.Result bash = CliRunner.run("completion", "bash");
        assertThat(bash.code()).isZero();
        assertThat(bash.out()).contains("complete -F", "confdsl", "--metrics-addr", "--log-level");
        CliRunner.Result zsh = CliRunner.run("completion", "zsh");
        assertThat(zsh.code()).isZero();
        assertThat(zsh.out()).startsWith("#compdef confdsl").contains("bashcompinit", "complete -F");
        assertThat(CliRunner.run("completion", "fish").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aBadLogLevelIsAUsageErrorNamingTheChoices() {
        Path script = Examples.copy("quickstart", tmp).resolve("quickstart.groovy");
        CliRunner.Result r = CliRunner.run("run", script.toString(), "--once", "--log-level", "loud", "--state-dir", tmp.resolve("s").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--log-level: 'loud' is not a log level; write error, warn, info, debug or trace");
    }

    @Test
    void theNoopLineSaysWhatWouldChangeWithoutRepeatingItself() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        Path dest = example.resolve("out/app.conf");
        String state = tmp.resolve("s").toString();
        CliRunner.Result create = CliRunner.run("run", example.resolve("quickstart.groovy").toString(), "--once", "--noop", "--state-dir", state);
        assertThat(create.out()).startsWith("app WOULD_UPDATE " + dest + " (revision 1): would create the file\n");
        CliRunner.run("run", example.resolve("quickstart.groovy").toString(), "--once", "--state-dir", state);
        java.nio.file.Files.writeString(example.resolve("keys.yaml"),
                java.nio.file.Files.readString(example.resolve("keys.yaml")).replace("9002", "9003"));
        CliRunner.Result change = CliRunner.run("run", example.resolve("quickstart.groovy").toString(), "--once", "--noop", "--state-dir", state);
        assertThat(change.out()).startsWith("app WOULD_UPDATE " + dest + " (revision 1): would change the content\n");
        assertThat(change.out().lines().findFirst().orElseThrow()).containsOnlyOnce(dest.toString());
    }

    @Test
    void reloadSignalNamesTheSignalsItSends() throws Exception {
        Path script = tmp.resolve("s.groovy");
        java.nio.file.Files.writeString(script, "resource('a') {\n    template 't'\n    dest 'd'\n    reload signal: 'BOGUS'\n}\n");
        CliRunner.Result r = CliRunner.run("check", script.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("(s.groovy, line 4) reload signal: 'BOGUS' is not a signal confdsl sends; write one of HUP, USR1");
    }

    @Test
    void reloadSignalWithoutExecFailsSayingWhy() throws Exception {
        Path example = Examples.copy("quickstart", tmp);
        Path script = example.resolve("quickstart.groovy");
        java.nio.file.Files.writeString(script, java.nio.file.Files.readString(script)
                .replace("    mkdirs   true\n", "    mkdirs   true\n    reload   signal: 'HUP'\n"));
        CliRunner.Result r = CliRunner.run("run", script.toString(), "--once", "--state-dir", tmp.resolve("s").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.RELOAD_FAILED);
        assertThat(r.err()).contains("reload signal: needs confdsl run --exec");
    }
}
