package org.confdsl.shell;

import picocli.CommandLine.Command;

/** The root of the shell's command tree; every line names one of its subcommands. */
@Command(name = "", description = "confdsl shell commands")
final class ShellRoot implements Runnable {

    @Override
    public void run() {
        // never called: the dispatcher always names a subcommand
    }
}
