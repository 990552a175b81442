package org.confdsl.store.etcd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The probe's rhythm: rare while all is well, at once and often when something looks wrong. */
@SuppressWarnings("try") // the accepted socket is only counted and closed
class ConnectionMonitorTest {

    @Test
    void anIdleMonitorProbesRarelyAndASuspicionProbesAtOnce() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger probes = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        probes.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "probe-counter");
            acceptor.setDaemon(true);
            acceptor.start();
            URI endpoint = URI.create("http://127.0.0.1:" + server.getLocalPort());
            try (ConnectionMonitor monitor = new ConnectionMonitor(List.of(endpoint), "test", Duration.ofSeconds(1), "monitor-test-", () -> true)) {
                assertTrue(monitor.isUp());
                await().atMost(Duration.ofSeconds(10)).until(() -> probes.get() == 1);
                // A 250 ms rhythm would probe about six times in 1.5 s; the idle one waits 5 s.
                await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> probes.get() == 1);

                monitor.suspect();
                await().atMost(Duration.ofSeconds(3)).until(() -> probes.get() >= 2);
                // Suspected: the fast rhythm for a while, although etcd answers.
                await().atMost(Duration.ofSeconds(5)).until(() -> probes.get() >= 4);
            }
        }
    }
}
