package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confdsl confd ...} in-process against confd's file backend: the bytes confd wrote for the
 * same setup (recorded from confd itself, see {@code confd/RECORDED.md}), confd's flags as confd
 * writes them, its log phrases and exit codes.
 */
class ConfdCliTest {

    @TempDir
    Path dir;

    CliRunner.Result confd(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--stacktrace";
        all[1] = "confd";
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--state-dir";
        all[args.length + 3] = dir.resolve("state").toString();
        return CliRunner.run(all);
    }

    @Test
    void everyConfdFunctionRendersTheBytesConfdWrote() throws IOException {
        Path out = dir.resolve("out");
        Path confdir = ConfdFixtures.copy("functions", dir.resolve("confdir"), out);
        CliRunner.Result r = confd("-onetime", "-backend", "file", "-file", confdir.resolve("keys.yaml").toString(),
                "-confdir", confdir.toString(), "-log-level", "info", "-config-file", dir.resolve("none.toml").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(new String(Files.readAllBytes(out.resolve("functions.conf"))))
                .isEqualTo(new String(ConfdFixtures.expected("functions", "functions.conf")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("functions.conf")))).isEqualTo("rw-r-----");
        assertThat(r.err()).contains("INFO Target config " + out.resolve("functions.conf") + " out of sync")
                .contains("INFO Target config " + out.resolve("functions.conf") + " has been updated");
    }
}
