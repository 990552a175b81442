package org.confdsl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away certificates made with {@code openssl} in a temporary directory: a CA, a server
 * certificate for {@code IP:127.0.0.1} and a client certificate, both signed by the CA, and a
 * second, unrelated CA for testing a wrong trust anchor, with a client certificate of its own. Keys are EC P-256 in PKCS#8 PEM.
 */
public final class EtcdTls implements AutoCloseable {

    private final Path dir;

    private EtcdTls(Path dir) {
        this.dir = dir;
    }

    /**
     * Generates every file (about a second).
     *
     * @throws IllegalStateException when openssl is missing (saying how to install it) or fails
     */
    public static EtcdTls generate() {
        Path openssl = Executables.require("openssl", "openssl");
        try {
            Path dir = Files.createTempDirectory("confdsl-tls-");
            EtcdTls tls = new EtcdTls(dir);
            tls.selfSigned(openssl, "ca", "confdsl test CA");
            tls.selfSigned(openssl, "other-ca", "some other CA");
            Files.writeString(dir.resolve("server.ext"),
                    "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n", StandardCharsets.UTF_8);
            tls.signed(openssl, "server", "127.0.0.1", "ca");
            tls.signed(openssl, "client", "confdsl-client", "ca");
            Files.copy(dir.resolve("client.ext"), dir.resolve("stranger.ext"));
            tls.signed(openssl, "stranger", "confdsl-stranger", "other-ca");
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    /** A CA that signed none of these certificates. */
    public Path otherCaFile() {
        return dir.resolve("other-ca.pem");
    }

    public Path serverCert() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path clientCert() {
        return dir.resolve("client.pem");
    }

    public Path clientKey() {
        return dir.resolve("client.key");
    }

    /** A client certificate signed by {@link #otherCaFile()}, which an etcd trusting {@link #caFile()} rejects. */
    public Path strangerCert() {
        return dir.resolve("stranger.pem");
    }

    /** The key of {@link #strangerCert()}. */
    public Path strangerKey() {
        return dir.resolve("stranger.key");
    }

    /** Deletes the directory and every key in it. */
    @Override
    public void close() {
        EtcdProcess.deleteTree(dir);
    }

    private void selfSigned(Path openssl, String name, String cn) {
        run(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + cn);
    }

    private void signed(Path openssl, String name, String cn, String ca) {
        run(openssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn);
        run(openssl, "x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    private void run(Path openssl, String... args) {
        List<String> command = new ArrayList<>();
        command.add(openssl.toString());
        command.addAll(List.of(args));
        Path log = dir.resolve("openssl.log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("openssl did not finish within 30 s: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("openssl failed: " + command + "\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running openssl", e);
        }
    }
}
