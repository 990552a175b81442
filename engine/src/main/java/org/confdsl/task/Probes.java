package org.confdsl.task;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.confdsl.model.Durations;

/** Waits for a service to answer: an HTTP status, or a TCP connection. Polls every {@value #POLL_MS} ms until a deadline. */
final class Probes {

    static final long POLL_MS = 50;
    private static final Duration ATTEMPT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ATTEMPT).build();

    /** Returns how long it took; throws {@link StepFailure} with the last answer or error at the timeout. */
    Duration awaitHttp(String url, int status, Duration timeout) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new StepFailure("awaitHttp: '" + url + "' is not a URL: " + e.getMessage());
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = "no answer";
        while (true) {
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(min(ATTEMPT, deadline)).GET().build();
                int got = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (got == status) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                last = "status " + got;
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            pause(deadline, "awaitHttp " + url + ": no status " + status + " within " + Durations.format(timeout) + " (last: " + last + ")");
        }
    }

    /** Returns how long it took; throws {@link StepFailure} at the timeout. */
    Duration awaitTcp(String host, int port, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = "no answer";
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), (int) min(ATTEMPT, deadline).toMillis() + 1);
                return Duration.ofNanos(System.nanoTime() - start);
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            pause(deadline, "awaitTcp " + host + ":" + port + ": no connection within " + timeout.toSeconds() + "s (last: " + last + ")");
        }
    }

    private static void pause(long deadline, String failure) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new StepFailure(failure);
        }
        TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MS)));
    }

    private static Duration min(Duration d, long deadline) {
        long left = Math.max(1_000_000, deadline - System.nanoTime());
        return d.toNanos() < left ? d : Duration.ofNanos(left);
    }
}
