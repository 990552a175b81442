package org.confdsl.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program's shell, used as a person uses it: inside tmux (a real terminal of a fixed
 * size; {@code send-keys} types, Tab included; {@code capture-pane -e} reads the screen with its
 * colors), and fed from a file as a script would. tmux runs on a private socket, never the user's.
 */
class ShellProgramIT {

    static final String ESC = "\u001b[";

    @TempDir
    Path tmp;

    Path example;
    String socket;

    @BeforeEach
    void setUp() {
        example = ShellHarness.example("quickstart", tmp);
        socket = "confdsl-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @AfterEach
    void stopTmux() throws Exception {
        run(List.of("tmux", "-L", socket, "kill-server"), false);
    }

    static String jar() {
        Path jar = Path.of(System.getProperty("confdsl.jar", "target/confdsl.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged program (mvn package)").exists();
        return jar.toString();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a command to its end (30 s at most) and returns its standard output. */
    static String run(List<String> command, boolean mustSucceed) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish in 30 s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (mustSucceed && p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + p.exitValue() + "): " + text
                    + (command.get(0).equals("tmux") ? " (is tmux installed? apt-get install tmux)" : ""));
        }
        return text;
    }

    void tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        run(command, true);
    }

    String screen() throws Exception {
        return run(List.of("tmux", "-L", socket, "capture-pane", "-p", "-e", "-t", "shell"), true);
    }

    void awaitScreen(String text) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> screen().replaceAll("\u001b\\[[0-9;]*m", "").contains(text));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no '" + text + "' on the screen in 30 s:\n" + screen(), e);
        }
    }

    /** Clears the input line, types {@code keys} and waits for {@code expected}; up to three tries of 10 s. */
    void typeUntilShown(String expected, String... keys) throws Exception {
        for (int attempt = 1; ; attempt++) {
            List<String> args = new ArrayList<>(List.of("send-keys", "-t", "shell", "C-u"));
            args.addAll(List.of(keys));
            tmux(args.toArray(String[]::new));
            try {
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                        .until(() -> screen().replaceAll("\u001b\\[[0-9;]*m", "").contains(expected));
                return;
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                if (attempt == 3) {
                    throw new AssertionError("no '" + expected + "' on the screen after 3 tries:\n" + screen(), e);
                }
            }
        }
    }

    @Test
    void tabCompletesAKeyPathAndTheDiffIsColored() throws Exception {
        String command = String.join(" ", "env -u NO_COLOR", java(), "-jar", jar(), "shell",
                example.resolve("quickstart.groovy").toString(), "--history", tmp.resolve("history").toString(),
                "--state-dir", tmp.resolve("state").toString());
        tmux("new-session", "-d", "-s", "shell", "-x", "120", "-y", "40", command);
        awaitScreen("confdsl>"); // capture-pane drops trailing spaces

        // A terminal's late answer to a capability query can land in the first typed line on a
        // loaded machine; clear the line (C-u) and type it again, at most three times.
        typeUntilShown("confdsl> get /app/upstream/", "get /app/up", "Tab");
        tmux("send-keys", "-t", "shell", "a", "Enter");
        awaitScreen("127.0.0.1:9001");

        tmux("send-keys", "-t", "shell", "sync app", "Enter");
        awaitScreen("app UPDATED");
        tmux("send-keys", "-t", "shell", "put /app/upstream/b 127.0.0.1:9003", "Enter");
        awaitScreen("revision 2");
        tmux("send-keys", "-t", "shell", "diff app", "Enter");
        awaitScreen("+    server 127.0.0.1:9003;");

        String screen = screen();
        assertThat(screen).contains(ESC + "31m-    server 127.0.0.1:9002;").contains(ESC + "32m+    server 127.0.0.1:9003;");
        assertThat(screen).as("the typed command is highlighted").contains(ESC + "1mconfdsl> diff");

        tmux("send-keys", "-t", "shell", "exit", "Enter");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> run(List.of("tmux", "-L", socket, "has-session", "-t", "shell"), false).contains("can't find")
                        || !run(List.of("tmux", "-L", socket, "list-sessions"), false).contains("shell"));
        assertThat(tmp.resolve("history")).content().contains("get /app/upstream/a", "diff app");
    }

    @Test
    void commandsFromAFileRunWithoutPromptOrColorAndTheLastFailureIsTheStatus() throws Exception {
        Path commands = tmp.resolve("commands.txt");
        Files.writeString(commands, "get /app/name\nget /app/nope\nls /app/upstream\n");
        List<String> command = List.of(java(), "-jar", jar(), "shell", example.resolve("quickstart.groovy").toString(),
                "--state-dir", tmp.resolve("state").toString());
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectInput(commands.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the shell did not finish in 60 s");
        }

        assertThat(p.exitValue()).as(Files.readString(err)).isEqualTo(7);
        assertThat(out).content().isEqualTo("demo\n/app/upstream/ (2 keys)\n├── a = 127.0.0.1:9001\n└── b = 127.0.0.1:9002\n");
        assertThat(err).content().startsWith("confdsl: key /app/nope not found");
        assertThat(new File(tmp.toFile(), "history")).as("no history from a script").doesNotExist();
    }
}
