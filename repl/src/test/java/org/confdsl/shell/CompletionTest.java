package org.confdsl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.confdsl.cli.ScriptContext;
import org.confdsl.store.FileStore;
import org.confdsl.store.MemoryStore;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completers, called directly with the line as JLine's parser splits it. */
class CompletionTest {

    @TempDir
    Path tmp;

    Workspace workspace;
    CommandCompleter completer;

    @BeforeEach
    void quickstart() {
        Path example = ShellHarness.example("quickstart", tmp);
        workspace = new Workspace(p -> ScriptContext.open(p, tmp.resolve("state")), MemoryStore::new);
        workspace.load(example.resolve("quickstart.groovy"));
        ShellSettings settings = new ShellSettings(false, java.util.Optional.empty(), false, false,
                new PrintWriter(new StringWriter()));
        CommandDispatcher dispatcher = new CommandDispatcher(workspace, new PrintWriter(new StringWriter()), settings,
                new Style(false), code -> { });
        Map<String, Completer> byLabel = Map.of(
                "KEY", new KeyPathCompleter(workspace::store),
                "PREFIX", new KeyPathCompleter(workspace::store),
                "RESOURCE", new NameCompleter(workspace::resourceNames),
                "SCRIPT", new FilePathCompleter());
        completer = new CommandCompleter(dispatcher.commands(), byLabel);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    /** The candidates' values for {@code line} with the cursor at its end. */
    List<String> complete(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        return candidates.stream().map(Candidate::value).filter(v -> v.startsWith(parsed.word().substring(0, parsed.wordCursor())))
                .sorted().toList();
    }

    @Test
    void commandNames() {
        assertThat(complete("")).contains("ls", "get", "put", "rm", "watch", "resources", "render", "diff", "sync", "load",
                "reload", "eval", "help", "exit");
        assertThat(complete("re")).containsExactly("reload", "render", "resources");
    }

    @Test
    void keyPathsOneSegmentAtATime() {
        assertThat(complete("get ")).containsExactly("/app/");
        assertThat(complete("get /app/")).containsExactly("/app/name", "/app/port", "/app/upstream/");
        assertThat(complete("ls /app/up")).containsExactly("/app/upstream/");
        assertThat(complete("put /app/upstream/")).containsExactly("/app/upstream/a", "/app/upstream/b");
        assertThat(complete("watch /ap")).containsExactly("/app/");
        assertThat(complete("get /nothing/")).isEmpty();
    }

    @Test
    void keyPathsAreLiveFromTheStore() {
        workspace.store().put("/app/upstream/c", "127.0.0.1:9003");
        assertThat(complete("rm /app/upstream/")).containsExactly("/app/upstream/a", "/app/upstream/b", "/app/upstream/c");
    }

    @Test
    void leavesEndTheWordAndDirectoriesDoNot() {
        List<Candidate> candidates = new KeyPathCompleter(workspace::store).candidates("/app/");
        assertThat(candidates).filteredOn(c -> c.value().equals("/app/port")).singleElement()
                .satisfies(c -> assertThat(c.complete()).isTrue());
        assertThat(candidates).filteredOn(c -> c.value().equals("/app/upstream/")).singleElement()
                .satisfies(c -> assertThat(c.complete()).isFalse());
    }

    @Test
    void keyPathsFromAMemoryStoreAndAFileStore() throws Exception {
        MemoryStore memory = new MemoryStore(Map.of("/cloud/upstream/x", "1", "/cloud/subdomain", "c"));
        assertThat(new KeyPathCompleter(() -> memory).candidates("/cloud/").stream().map(Candidate::value))
                .containsExactly("/cloud/subdomain", "/cloud/upstream/");
        Path keys = tmp.resolve("keys.yaml");
        Files.writeString(keys, "db:\n  host: h\n  replicas:\n    - a\n    - b\n");
        try (FileStore file = FileStore.open(keys)) {
            assertThat(new KeyPathCompleter(() -> file).candidates("/db/replicas/").stream().map(Candidate::value))
                    .containsExactly("/db/replicas/0", "/db/replicas/1");
        }
    }

    @Test
    void resourceNamesAfterResourceCommands() {
        assertThat(complete("diff ")).containsExactly("app");
        assertThat(complete("render a")).containsExactly("app");
        assertThat(complete("sync app ")).containsExactly("app");
    }

    @Test
    void optionsAndOptionValuesFromThePicocliModel() {
        assertThat(complete("ls --")).contains("--format", "--help");
        assertThat(complete("rm --p")).containsExactly("--prefix");
        assertThat(complete("ls --format ")).containsExactly("json", "text", "tree");
        assertThat(complete("ls --format json /app/u")).containsExactly("/app/upstream/");
        assertThat(complete("rm --prefix /app/up")).containsExactly("/app/upstream/");
    }

    @Test
    void scriptPathsForLoad() {
        assertThat(new FilePathCompleter().candidates(tmp + "/quickstart/quick").stream().map(Candidate::value))
                .as("the whole directory: JLine keeps those that match what is typed")
                .contains(tmp + "/quickstart/quickstart.groovy", tmp + "/quickstart/keys.yaml", tmp + "/quickstart/expected/");
        assertThat(new FilePathCompleter().candidates(tmp + "/").stream().filter(c -> c.value().endsWith("quickstart/")))
                .singleElement().satisfies(c -> assertThat(c.complete()).as("a directory: Tab goes on into it").isFalse());
    }
}
