package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confdsl.model.CommandSpec;
import org.confdsl.model.Secret;
import org.confdsl.model.StoreModel;
import org.confdsl.sync.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check and reload commands of the program never see the variable that carried the etcd password. */
class CommandEnvironmentTest {

    @TempDir
    Path state;

    @Test
    void thePasswordVariableOfTheStoreIsNotPassedToCommands() {
        // HOME stands in for ETCD_PASSWORD: a variable the test JVM certainly has.
        assertThat(System.getenv("HOME")).isNotNull();
        StoreModel etcd = new StoreModel.Etcd(List.of("http://127.0.0.1:2379"), Optional.of("root"),
                Optional.of(Secret.env("HOME")), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        CommandResult result = ScriptContext.commandRunner(etcd, state).run(new CommandSpec(
                List.of("sh", "-c", "echo \"HOME=${HOME-unset} CONFDSL_ETCD_PASSWORD=${CONFDSL_ETCD_PASSWORD-unset} PATH=${PATH:+set}\""),
                false, Duration.ofSeconds(10)), Map.of());

        assertThat(result.output()).isEqualTo("HOME=unset CONFDSL_ETCD_PASSWORD=unset PATH=set\n");
    }

    @Test
    void withoutAPasswordVariableTheEnvironmentIsKept() {
        CommandResult result = ScriptContext.commandRunner(new StoreModel.File(state.resolve("keys.yaml")), state).run(
                new CommandSpec(List.of("sh", "-c", "echo \"HOME=${HOME:+set}\""), false, Duration.ofSeconds(10)), Map.of());
        assertThat(result.output()).isEqualTo("HOME=set\n");
    }
}
