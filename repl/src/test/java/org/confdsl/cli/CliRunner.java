package org.confdsl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the confdsl command line in-process and keeps what it printed. */
final class CliRunner {

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the tree main() builds: only the subcommand args name (CommandTree)
        int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private CliRunner() {
    }
}
