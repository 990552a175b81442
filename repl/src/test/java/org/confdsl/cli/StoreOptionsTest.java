package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confdsl.model.Secret;
import org.confdsl.model.StoreModel;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Layering the command line's store options over the script's store: the command line wins. */
class StoreOptionsTest {

    static final Path CWD = Path.of("").toAbsolutePath();

    static final StoreModel.Etcd SCRIPTED = new StoreModel.Etcd(List.of("https://10.0.0.1:2379"),
            Optional.of("root"), Optional.of(Secret.env("SCRIPT_PW")), Optional.of(Path.of("/s/ca.pem")),
            Optional.of(Path.of("/s/c.pem")), Optional.of(Path.of("/s/k.pem")), Duration.ofSeconds(3), Duration.ofSeconds(3));

    static final StoreModel.File FILE = new StoreModel.File(Path.of("/s/keys.yaml"));

    @Command
    static final class Holder {
        @Mixin
        StoreOptions store;
    }

    final Map<String, String> env = new HashMap<>();

    StoreOptions options(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        h.store.env = env::get;
        return h.store;
    }

    StoreModel.Etcd etcd(StoreModel base, String... args) {
        return (StoreModel.Etcd) options(args).layer(base);
    }

    @Test
    void withoutOptionsTheScriptsStoreIsKept() {
        assertThat(options().layer(SCRIPTED)).isEqualTo(SCRIPTED);
        assertThat(options().layer(FILE)).isEqualTo(FILE);
        assertThat(options().layer(Optional.empty())).isEmpty();
    }

    @Test
    void endpointsReplaceTheScriptsEndpointsAndKeepItsTlsAndAuth() {
        StoreModel.Etcd e = etcd(SCRIPTED, "--endpoints", "https://127.0.0.1:2379,https://127.0.0.1:22379");

        assertThat(e).isEqualTo(new StoreModel.Etcd(List.of("https://127.0.0.1:2379", "https://127.0.0.1:22379"),
                SCRIPTED.user(), SCRIPTED.password(), SCRIPTED.caFile(), SCRIPTED.certFile(), SCRIPTED.keyFile(),
                SCRIPTED.connectTimeout(), SCRIPTED.requestTimeout()));
    }

    @Test
    void endpointsTurnAFileStoreIntoAPlainEtcd() {
        assertThat(options("--endpoints", "http://127.0.0.1:2379").layer(FILE))
                .isEqualTo(StoreModel.Etcd.of(List.of("http://127.0.0.1:2379")));
        assertThat(options("--endpoints", "http://127.0.0.1:2379", "--endpoints", "http://127.0.0.1:22379").layer(Optional.empty()))
                .contains(StoreModel.Etcd.of(List.of("http://127.0.0.1:2379", "http://127.0.0.1:22379")));
    }

    @Test
    void eachTlsFileAndTheTimeoutOverrideOneSetting() {
        StoreModel.Etcd e = etcd(SCRIPTED, "--ca-file", "ca2.pem", "--timeout", "750ms");

        assertThat(e.caFile()).contains(CWD.resolve("ca2.pem"));
        assertThat(e.certFile()).isEqualTo(SCRIPTED.certFile());
        assertThat(e.keyFile()).isEqualTo(SCRIPTED.keyFile());
        assertThat(e.connectTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(e.requestTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(etcd(SCRIPTED, "--cert-file", "c2.pem", "--key-file", "k2.pem").certFile()).contains(CWD.resolve("c2.pem"));
    }

    @Test
    void aPasswordOptionAloneReplacesTheScriptsPasswordForTheScriptsUser() {
        StoreModel.Etcd fromFile = etcd(SCRIPTED, "--password-file", "pw.txt");
        StoreModel.Etcd fromEnv = etcd(SCRIPTED, "--password-env", "OTHER_PW");

        assertThat(fromFile.user()).contains("root");
        assertThat(fromFile.password()).contains(Secret.file(CWD.resolve("pw.txt")));
        assertThat(fromEnv.password()).contains(Secret.env("OTHER_PW"));
    }

    @Test
    void userTakesItsPasswordFromAnOptionOrConfdslEtcdPasswordNeverFromTheScript() {
        assertThat(etcd(SCRIPTED, "--user", "alice").password()).isEmpty();

        env.put(StoreOptions.PASSWORD_ENV, "s3cret");
        StoreModel.Etcd viaEnv = etcd(SCRIPTED, "--user", "alice");
        StoreModel.Etcd explicit = etcd(SCRIPTED, "--user", "alice", "--password-env", "ALICE_PW");

        assertThat(viaEnv.user()).contains("alice");
        assertThat(viaEnv.password()).contains(Secret.env(StoreOptions.PASSWORD_ENV));
        assertThat(explicit.password()).contains(Secret.env("ALICE_PW"));
        assertThat(viaEnv.toString()).doesNotContain("s3cret");
    }

    @Test
    void mistakesAreUsageErrorsNamingTheOptions() {
        assertUsage(SCRIPTED, "--password-env and --password-file are both given", "--password-env", "A", "--password-file", "f");
        assertUsage(FILE, "--password-env/--password-file is set without --user",
                "--endpoints", "http://127.0.0.1:2379", "--password-env", "P");
        assertUsage(FILE, "--cert-file is set without --key-file", "--endpoints", "https://127.0.0.1:2379", "--cert-file", "c.pem");
        assertUsage(FILE, "--key-file is set without --cert-file", "--endpoints", "https://127.0.0.1:2379", "--key-file", "k.pem");
        assertUsage(SCRIPTED, "endpoints are http://", "--endpoints", "http://127.0.0.1:2379");
        assertUsage(FILE, "--endpoints: etcd endpoint 'localhost' has no scheme", "--endpoints", "localhost");
        assertUsage(FILE, "--endpoints: etcd endpoint 'http://127.0.0.1' has no port", "--endpoints", "http://127.0.0.1");
        assertUsage(FILE, "are for an etcd store, but the script's store is file /s/keys.yaml; add --endpoints URL", "--user", "root");
    }

    void assertUsage(StoreModel base, String message, String... args) {
        assertThatThrownBy(() -> options(args).layer(base)).isInstanceOf(UsageException.class).hasMessageContaining(message);
    }

    @Test
    void aBadCombinationOnTheRealCommandLineExits2WithOneLine() {
        CliRunner.Result r = CliRunner.run("render", "no-such-script.groovy", "--ca-file", "x");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
