package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import org.confdsl.testkit.EtcdProcess;
import org.confdsl.testkit.Etcdctl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace-level run against an auth-enabled etcd: the password (in clear or as hex, as Netty's
 * frame dumps write it), etcd's auth token and the key values never reach the output.
 */
class TraceSecretsIT {

    private static final String PASSWORD = "pw-Zq8rX2mTv7";
    private static final String VALUE = "s3cr3t-V4lue-9f8e7d";

    @TempDir
    Path tmp;

    @Test
    void traceLevelLeaksNoPasswordTokenOrValue() throws Exception {
        try (EtcdProcess etcd = EtcdProcess.start()) {
            Etcdctl.enableAuth(etcd.clientUrl(), PASSWORD);
            Etcdctl.run(etcd.clientUrl(), "--user", "root:" + PASSWORD, "put", "/app/dbpass", VALUE);
            Path template = tmp.resolve("app.conf.tmpl");
            Files.writeString(template, "password ${getv('/dbpass')}\n");
            Path script = tmp.resolve("app.groovy");
            Files.writeString(script, "store etcd('" + etcd.clientUrl() + "') {\n    user 'root'\n    password env: 'ETCD_PW'\n}\n"
                    + "resource('app') {\n    prefix '/app'\n    template 'app.conf.tmpl'\n    dest 'out/app.conf'\n    mkdirs true\n}\n");

            try (ProgramProcess run = ProgramProcess.start(tmp, Map.of("ETCD_PW", PASSWORD), "run", script.toString(), "--once",
                    "--log-level", "trace", "--state-dir", tmp.resolve("state").toString())) {
                assertThat(run.awaitExit(Duration.ofSeconds(90))).as(run.toString()).isZero();
                String output = run.out() + run.err();
                assertThat(tmp.resolve("out/app.conf")).content().contains(VALUE);
                assertThat(output).as("debug and trace logging are on").contains("DEBUG");
                assertThat(output).doesNotContain(PASSWORD, hex(PASSWORD, ""), hex(PASSWORD, " "), VALUE, hex(VALUE, ""), hex(VALUE, " "));
                // etcd's simple tokens: 16 letters, a dot, a counter.
                assertThat(output).doesNotContainPattern("[A-Za-z]{16}\\.\\d+");
                assertThat(output).doesNotContainIgnoringCase("authorization").doesNotContain("token:");
            }
        }
    }

    /** The first 8 bytes as hex, as frame dumps write them (compact, or spaced). */
    private static String hex(String s, String delimiter) {
        return HexFormat.ofDelimiter(delimiter).formatHex(s.substring(0, 8).getBytes(StandardCharsets.UTF_8));
    }
}
