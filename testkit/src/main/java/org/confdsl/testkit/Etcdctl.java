package org.confdsl.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code etcdctl} (API v3) against test endpoints, for what the tests set up outside the code under test. */
public final class Etcdctl {

    private static final long TIMEOUT_SECONDS = 30;

    private Etcdctl() {
    }

    /**
     * Runs {@code etcdctl --endpoints=ENDPOINT ARGS...} and returns its output.
     *
     * @throws IllegalStateException when etcdctl is missing (saying how to install it), fails or hangs
     */
    public static String run(String endpoint, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Executables.require("etcdctl", "etcd-client").toString(), "--endpoints=" + endpoint));
        command.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("ETCDCTL_API", "3");
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("etcdctl did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("etcdctl failed (" + p.exitValue() + "): " + String.join(" ", args) + "\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running etcdctl", e);
        }
    }

    /**
     * Creates user {@code root} with {@code password} and turns authentication on, so that every
     * later request needs a user.
     */
    public static void enableAuth(String endpoint, String password) {
        run(endpoint, "user", "add", "root:" + password, "--interactive=false");
        run(endpoint, "auth", "enable");
    }

    /** Compacts the history up to {@code revision} (physically), as etcd's auto-compaction would. */
    public static void compact(String endpoint, long revision) {
        run(endpoint, "compaction", "--physical", Long.toString(revision));
    }
}
