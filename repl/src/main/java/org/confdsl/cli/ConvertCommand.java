package org.confdsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.confdsl.confd.ConfdException;
import org.confdsl.confd.Converter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code confdsl convert CONFDIR [-o DIR]}: an equivalent DSL script for a confd directory, with
 * Groovy templates where the translation renders the same bytes and confd's Go templates
 * ({@code syntax: 'go'}) where not.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Prints a confdsl script equivalent to a confd directory (conf.d/*.toml, templates/).",
            "Templates are translated to Groovy where the result renders the same bytes, else kept as Go (syntax: 'go').",
            "With -o DIR: writes DIR/confd.groovy and DIR/templates/ instead."})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFDIR", description = "The confd directory, e.g. /etc/confd.")
    Path confdir;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write the script and templates into DIR.")
    Path output;

    @Option(names = "--endpoints", paramLabel = "URL", split = ",",
            description = "The etcd endpoints for the script's store line. Default: http://127.0.0.1:2379.")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--file", paramLabel = "KEYS", description = "A key file for the script's store line instead of etcd.")
    String file;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Converter.Conversion c;
        try {
            c = Converter.convert(confdir, storeLine());
        } catch (ConfdException e) {
            throw new UsageException(e.getMessage());
        }
        c.problems().forEach(p -> err.println("confdsl: " + p));
        if (output == null) {
            out.print(c.script());
            for (Converter.Template t : c.templates()) {
                if (t.groovy()) {
                    out.println("\n// ---- " + t.path() + " (Groovy; write it beside the script) ----");
                    out.print(t.text());
                }
            }
        } else {
            Files.createDirectories(output);
            Files.writeString(output.resolve("confd.groovy"), c.script(), StandardCharsets.UTF_8);
            for (Converter.Template t : c.templates()) {
                Path to = output.resolve(t.path());
                Files.createDirectories(to.getParent());
                Files.writeString(to, t.text(), StandardCharsets.UTF_8);
                out.println(t.path() + (t.groovy() ? ": Groovy" : ": Go (" + t.note() + ")"));
            }
            out.println("wrote " + output.resolve("confd.groovy"));
        }
        out.flush();
        err.flush();
        return c.problems().isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private String storeLine() {
        if (file != null) {
            return "store file(" + groovyQuote(file) + ")";
        }
        List<String> urls = endpoints.isEmpty() ? List.of("http://127.0.0.1:2379") : endpoints;
        return "store etcd(" + String.join(", ", urls.stream().map(ConvertCommand::groovyQuote).toList()) + ")";
    }

    private static String groovyQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
