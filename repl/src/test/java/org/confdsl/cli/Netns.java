package org.confdsl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces and veth links that a test makes for itself (as root, with iproute2), every
 * name carrying a random tag, every address in {@code 10.N.0.0/16} on those links only; {@link #close()}
 * deletes them all, also after a failure. A link can be cut ({@code ip link set down}) and reconnected.
 */
final class Netns implements AutoCloseable {

    /** A veth pair: one end in the root namespace, one in {@code namespace}, a /30 between them. */
    record Link(String namespace, String rootEnd, String rootAddress, String nsAddress) {
    }

    private final String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    private final int net = ThreadLocalRandom.current().nextInt(64, 254);
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> links = new ArrayList<>();

    /** Fails loudly when this is not root or iproute2 cannot make namespaces here. */
    static Netns create() {
        Netns n = new Netns();
        String who = run(List.of("id", "-u")).strip();
        if (!who.equals("0")) {
            throw new IllegalStateException("network namespaces need root (ip netns add); this test runs as uid " + who
                    + ": run it as root, as CI does");
        }
        return n;
    }

    /** Makes namespace {@code i8m-TAG-NAME} with its loopback up. */
    String namespace(String name) {
        String ns = "i8m-" + tag + "-" + name;
        ip("netns", "add", ns);
        namespaces.add(ns);
        run(List.of("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up"));
        return ns;
    }

    /** A veth pair into {@code ns}: root end {@code 10.N.SUBNET.1/30}, namespace end {@code .2}, both up. */
    Link link(String ns, String kind, int subnet) {
        String root = kind + tag + subnet + "r";
        String inner = kind + tag + subnet + "n";
        ip("link", "add", root, "type", "veth", "peer", "name", inner);
        links.add(root);
        ip("link", "set", inner, "netns", ns);
        String rootAddress = "10." + net + "." + subnet + ".1";
        String nsAddress = "10." + net + "." + subnet + ".2";
        ip("addr", "add", rootAddress + "/30", "dev", root);
        ip("link", "set", root, "up");
        inNs(ns, "ip", "addr", "add", nsAddress + "/30", "dev", inner);
        inNs(ns, "ip", "link", "set", inner, "up");
        return new Link(ns, root, rootAddress, nsAddress);
    }

    /** A route in {@code ns} to one address through the namespace end of {@code via}. */
    void route(String ns, String address, Link via) {
        inNs(ns, "ip", "route", "add", address + "/32", "via", via.rootAddress());
    }

    /** Cuts the link: nothing passes either way (connections hang, as in a partition). */
    void cut(Link link) {
        ip("link", "set", link.rootEnd(), "down");
    }

    /** Reconnects a cut link (its addresses stay configured). */
    void reconnect(Link link) {
        ip("link", "set", link.rootEnd(), "up");
    }

    /** The command prefix that runs a program in {@code ns}. */
    static List<String> exec(String ns) {
        return List.of("ip", "netns", "exec", ns);
    }

    private void inNs(String ns, String... args) {
        List<String> cmd = new ArrayList<>(exec(ns));
        cmd.addAll(List.of(args));
        run(cmd);
    }

    private static void ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        run(cmd);
    }

    private static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0) + " (iproute2 is needed for network namespaces)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes every link and namespace this made; reports what it could not delete. */
    @Override
    public void close() {
        List<String> left = new ArrayList<>();
        for (String l : links) {
            try {
                ip("link", "del", l);
            } catch (RuntimeException e) {
                if (!e.getMessage().contains("Cannot find device")) {
                    left.add(l + ": " + e.getMessage());
                }
            }
        }
        for (String ns : namespaces) {
            try {
                ip("netns", "del", ns);
            } catch (RuntimeException e) {
                left.add(ns + ": " + e.getMessage());
            }
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("could not clean up: " + left);
        }
    }
}
