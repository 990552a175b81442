package org.confdsl.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.confdsl.dsl.DslLoader;
import org.confdsl.model.EngineModel;
import org.confdsl.model.StoreModel;
import org.confdsl.store.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 §2: a value interpolated into a task's {@code sh} is data, never command syntax, and is never printed. */
class ShValuesTest {

    /** The hostile value of the issue: quotes and a flag that a shell-like split would honour. */
    static final String QUOTED = "a 'b c' --flag";

    @TempDir
    Path dir;

    MemoryStore store;

    EngineModel load(String tasks) throws IOException {
        Path script = dir.resolve("t.groovy");
        Files.writeString(dir.resolve("a.tmpl"), "x\n");
        Files.writeString(script, "store memory('/app/v': '" + QUOTED.replace("'", "\\'") + "')\n"
                + "resource('a') { template 'a.tmpl'; dest 'out/a.conf' }\n" + tasks);
        EngineModel model = new DslLoader().load(script);
        store = new MemoryStore(((StoreModel.Memory) model.store()).entries());
        return model;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    /** Runs the task with {@code args}; returns the listener's events. */
    RecordingTaskListener run(EngineModel model, List<String> args) throws InterruptedException {
        RecordingTaskListener listener = new RecordingTaskListener();
        new TaskRunner(model, store, listener, Map.of()).run("t", args, false);
        return listener;
    }

    @Test
    void anInterpolatedValueStaysOneArgumentWhateverQuotesItHolds() throws Exception {
        EngineModel model = load("""
                task('t') { ->
                    def v = getv('/app/v')
                    put '/app/out1', sh("printf '[%s]' ${v}", timeout: '10s')
                    put '/app/out2', sh("printf '<%s>' -o=${v}x \\"${v}\\"")
                }
                """);
        run(model, List.of());
        Map<String, String> keys = store.snapshot(List.of("/app")).entries();
        assertThat(keys.get("/app/out1")).isEqualTo("[" + QUOTED + "]");
        assertThat(keys.get("/app/out2")).isEqualTo("<-o=" + QUOTED + "x><" + QUOTED + ">");
    }

    @Test
    void aCommandSubstitutionInAValueNeverRunsWithShellTrue() throws Exception {
        Path marker = dir.resolve("pwned");
        EngineModel model = load("""
                task('t') { ->
                    put '/app/evil', '$(touch %1$s) `touch %1$s` ; touch %1$s'
                    def v = getv('/app/evil')
                    put '/app/out1', sh("echo ${v}", shell: true)
                    put '/app/out2', sh("echo \\"${v}\\" && echo '${v}' | cat", shell: true)
                }
                """.formatted(marker));
        run(model, List.of());
        assertThat(marker).doesNotExist();
        String evil = "$(touch " + marker + ") `touch " + marker + "` ; touch " + marker;
        Map<String, String> keys = store.snapshot(List.of("/app")).entries();
        assertThat(keys.get("/app/out1")).isEqualTo(evil + "\n");
        assertThat(keys.get("/app/out2")).isEqualTo(evil + "\n" + evil + "\n");
    }

    @Test
    void theStepLineMasksValuesButShowsTheTasksOwnArguments() throws Exception {
        EngineModel model = load("""
                task('t') { String name ->
                    def v = getv('/app/v')
                    sh "echo ${v} ${name} --x=${v}"
                    sh "echo ${v}", shell: true
                }
                """);
        RecordingTaskListener listener = run(model, List.of("web1"));
        assertThat(listener.events).contains("5 start sh echo **** web1 --x=****", "6 start sh echo ****");
        assertThat(listener.events).anyMatch(e -> e.startsWith("5 done sh echo **** web1 --x=****: exit 0 in "));
        assertThat(String.join("\n", listener.events)).doesNotContain("b c").doesNotContain("--flag");
    }

    @Test
    void aFailedCommandNamesItWithValuesMasked() throws Exception {
        EngineModel model = load("""
                task('t') { ->
                    def v = getv('/app/v')
                    sh "false ${v}"
                }
                """);
        assertThatThrownBy(() -> run(model, List.of()))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("(t.groovy, line 5) sh false ****: ");
                    assertThat(e.getMessage()).doesNotContain("--flag");
                });
    }
}
