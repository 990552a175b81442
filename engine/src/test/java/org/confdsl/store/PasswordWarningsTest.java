package org.confdsl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.confdsl.dsl.DslLoader;
import org.confdsl.model.Secret;
import org.confdsl.store.etcd.PasswordWarnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 §4: a password others can read, or one written into the script, is not accepted silently. */
class PasswordWarningsTest {

    @TempDir
    Path dir;

    @Test
    void aPasswordFileReadableByGroupOrOthersIsNamedWithTheFix() throws Exception {
        Path file = Files.writeString(dir.resolve("etcd-password"), "s3cret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(PasswordWarnings.of(Secret.file(file))).hasValueSatisfying(w -> assertThat(w)
                .startsWith("password file " + file + " can be read or changed by its group or by others (rw-r--r--)")
                .endsWith("chmod 600 " + file).doesNotContain("s3cret"));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        assertThat(PasswordWarnings.of(Secret.file(file))).isPresent();

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(PasswordWarnings.of(Secret.file(file))).isEmpty();
        assertThat(PasswordWarnings.of(Secret.env("X"))).isEmpty();
        assertThat(PasswordWarnings.of(Secret.file(dir.resolve("missing")))).isEmpty();
    }

    @Test
    void aPasswordWrittenIntoTheScriptIsWarnedAboutWithItsFileAndLine() throws Exception {
        Files.writeString(dir.resolve("a.tmpl"), "x");
        Path script = Files.writeString(dir.resolve("site.groovy"), """
                store etcd('http://127.0.0.1:2379') {
                    user     'root'
                    password 'hunter2'
                }
                resource('a') { template 'a.tmpl'; dest 'out/a.conf' }
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            new DslLoader().load(script);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("(site.groovy, line 3) password '...' writes the etcd password into the script")
                .contains("password env: 'ETCD_PASSWORD'").contains("chmod 600")
                .doesNotContain("hunter2");
    }
}
