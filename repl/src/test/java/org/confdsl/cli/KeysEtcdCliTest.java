package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.confdsl.testkit.EtcdProcess;
import org.confdsl.testkit.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code confdsl keys} against a real etcd on 127.0.0.1. Each test works under its own prefix. */
class KeysEtcdCliTest {

    static EtcdProcess etcd;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdProcess.start();
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    static CliRunner.Result keys(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "keys";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--endpoints";
        all[args.length + 2] = etcd.clientUrl();
        return CliRunner.run(all);
    }

    static long revisionOf(CliRunner.Result put) {
        assertThat(put.code()).as(put.toString()).isZero();
        assertThat(put.out()).matches("revision \\d+\n");
        return Long.parseLong(put.out().trim().substring("revision ".length()));
    }

    @Test
    void putGetLsRmRoundTrip() {
        long first = revisionOf(keys("put", "/rt/b", "2"));
        long second = revisionOf(keys("put", "/rt/a", "one\ntwo"));

        assertThat(second).isEqualTo(first + 1);
        assertThat(keys("get", "/rt/a").out()).isEqualTo("one\ntwo\n");
        assertThat(keys("ls", "/rt").out()).isEqualTo("/rt/a = one\\ntwo\n/rt/b = 2\n");
        assertThat(keys("ls", "/rt", "--format", "json").out())
                .isEqualTo("{\"revision\":" + second + ",\"keys\":{\"/rt/a\":\"one\\ntwo\",\"/rt/b\":\"2\"}}\n");
        assertThat(keys("rm", "/rt", "--prefix").out()).isEqualTo("removed 2 keys (revision " + (second + 1) + ")\n");
        assertThat(keys("ls", "/rt").out()).isEmpty();
    }

    @Test
    void prefixesStopAtKeyBoundaries() {
        keys("put", "/kb/app", "a");
        keys("put", "/kb/app/x", "b");
        keys("put", "/kb/apple", "c");

        assertThat(keys("ls", "/kb/app").out()).isEqualTo("/kb/app = a\n/kb/app/x = b\n");
        assertThat(keys("rm", "/kb/app", "--prefix", "--format", "json").out()).matches("\\{\"revision\":\\d+,\"removed\":2}\n");
        assertThat(keys("ls", "/kb").out()).isEqualTo("/kb/apple = c\n");
    }

    @Test
    void aMissingKeyExits7() {
        CliRunner.Result r = keys("get", "/missing/key");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.KEY_NOT_FOUND);
        assertThat(r.err()).startsWith("confdsl: key /missing/key not found in etcd " + etcd.clientUrl());
    }

    @Test
    void theScriptsEtcdStoreIsUsedAndEndpointsOverrideAFileStore() throws IOException {
        keys("put", "/sc/k", "from etcd");
        Files.writeString(dir.resolve("t.tmpl"), "x");
        Path etcdScript = dir.resolve("etcd.groovy");
        Files.writeString(etcdScript, "store etcd('" + etcd.clientUrl() + "')\nresource('t') { template 't.tmpl'; dest 't.conf' }\n");
        Path fileScript = dir.resolve("file.groovy");
        Files.writeString(fileScript, "store file('keys.yaml')\nresource('t') { template 't.tmpl'; dest 't.conf' }\n");

        assertThat(CliRunner.run("keys", "get", "/sc/k", "-s", etcdScript.toString()).out()).isEqualTo("from etcd\n");
        assertThat(CliRunner.run("keys", "get", "/sc/k", "-s", fileScript.toString(), "--endpoints", etcd.clientUrl()).out())
                .isEqualTo("from etcd\n");
    }

    @Test
    void anUnreachableEtcdExits6WithOneLine() {
        String nobody = "http://127.0.0.1:" + FreePorts.next();

        CliRunner.Result r = CliRunner.run("keys", "ls", "--endpoints", nobody, "--timeout", "1s");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.STORE);
        assertThat(r.err().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains("127.0.0.1");
    }
}
