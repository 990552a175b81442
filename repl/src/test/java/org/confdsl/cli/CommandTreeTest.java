package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The command tree main() builds: only the subcommand a command line names, the whole tree for help and errors. */
class CommandTreeTest {

    private static final List<String> NAMES = List.of("run", "render", "check", "keys", "status", "hosts", "shell", "completion",
            "confd", "convert");

    @Test
    void theWholeTreeHasEverySubcommandInHelpOrder() {
        assertThat(CommandTree.whole().getSubcommands().keySet()).containsExactlyElementsOf(NAMES);
        CliRunner.Result help = CliRunner.run("--help");
        assertThat(help.code()).isZero();
        for (String name : NAMES) {
            assertThat(help.out()).containsPattern("(?m)^\\s+" + name + "\\s");
        }
    }

    @Test
    void aNamedSubcommandGetsOnlyItselfWithItsOwnSubcommands() {
        assertThat(CommandTree.forArgs(new String[] {"run", "x.groovy", "--once"}).getSubcommands().keySet()).containsExactly("run");
        CommandLine keys = CommandTree.forArgs(new String[] {"--stacktrace", "keys", "ls", "/"});
        assertThat(keys.getSubcommands().keySet()).containsExactly("keys");
        assertThat(keys.getSubcommands().get("keys").getSubcommands().keySet()).containsExactly("ls", "get", "put", "rm");
    }

    @Test
    void helpVersionNoSubcommandOrAnUnknownWordGetTheWholeTree() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help", "run"}, new String[] {"-V"}, new String[] {"rnu"},
                new String[] {"--stacktrace"}, new String[] {"@args.txt"}, new String[] {"--bogus", "run"})) {
            assertThat(CommandTree.forArgs(args).getSubcommands().keySet()).as(String.join(" ", args)).containsExactlyElementsOf(NAMES);
        }
        CliRunner.Result typo = CliRunner.run("rnu");
        assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("Unmatched argument at index 0: 'rnu'", "Try 'confdsl --help'.");
        assertThat(CliRunner.run("keys", "ls", "--bogus").err()).contains("Try 'confdsl keys ls --help'.");
    }

    @Test
    void eachSubcommandsHelpIsTheSameFromTheSmallTreeAndTheWholeOne() {
        for (String name : NAMES) {
            CliRunner.Result small = CliRunner.run(name, "--help");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(name, "--help");
            assertThat(small.code()).as(name).isEqualTo(code).isZero();
            assertThat(small.out()).as(name).isEqualTo(out.toString()).contains("Usage: confdsl " + name);
        }
    }

    @Test
    void theRootsStacktraceOptionIsInheritedByASubcommandAddedAlone() {
        CommandLine small = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run", "x.groovy");
        ParseResult parsed = small.parseArgs("run", "x.groovy", "--once", "--stacktrace");
        assertThat(parsed.subcommand().hasMatchedOption("--stacktrace")).isTrue();
    }
}
