package org.confdsl.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded HTTP/1.1 load on one loopback port: {@code connections} threads, each on its own
 * keep-alive connection, alternating GET and POST until {@code duration} has passed or
 * {@code maxRequests} were sent, whichever comes first. Nothing is retried: a request that gets
 * no answer is a connection error. Like any keep-alive client it checks, before reusing a
 * connection, that the server has not closed it meanwhile (nginx closes idle keep-alive
 * connections when it reloads), and then opens a new one. The close can still cross a request
 * already sent: such errors (no byte of answer on a reused connection, the case where HTTP lets
 * a client retry an idempotent request) are also counted apart as keep-alive races.
 */
public final class LoadGenerator {

    private static final int GET_OK = 0, GET_NON2XX = 1, GET_ERR = 2, POST_OK = 3, POST_NON2XX = 4, POST_ERR = 5, RACES = 6;
    private static final int READ_TIMEOUT_MS = 10_000;

    private final String host;
    private final int port;
    private final int connections;
    private final Duration duration;
    private final long maxRequests;
    private final AtomicLong completed = new AtomicLong();

    public LoadGenerator(int port, int connections, Duration duration, long maxRequests) {
        this("127.0.0.1", port, connections, duration, maxRequests);
    }

    /** Load on {@code host:port}: an nginx in a network namespace the test made. */
    public LoadGenerator(String host, int port, int connections, Duration duration, long maxRequests) {
        this.host = host;
        this.port = port;
        this.connections = connections;
        this.duration = duration;
        this.maxRequests = maxRequests;
    }

    /** How many requests have begun so far: lets a test act in the middle of a run. */
    public long progress() {
        return completed.get();
    }

    /** Runs the load on its threads and returns when every thread has stopped. */
    public LoadReport run() throws InterruptedException {
        AtomicLongArray counts = new AtomicLongArray(7);
        AtomicLong budget = new AtomicLong(maxRequests);
        long deadline = System.nanoTime() + duration.toNanos();
        List<List<LoadReport.Answer>> answers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            List<LoadReport.Answer> mine = new ArrayList<>();
            answers.add(mine);
            Thread t = new Thread(() -> {
                try {
                    loop(counts, budget, deadline, mine);
                } finally {
                    done.countDown();
                }
            }, "load-" + i);
            t.setDaemon(true);
            t.start();
        }
        // Each request is bounded by the read timeout, so every thread ends soon after the deadline.
        if (!done.await(duration.toMillis() + 2L * READ_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("load threads did not stop");
        }
        List<LoadReport.Answer> all = new ArrayList<>();
        answers.forEach(all::addAll);
        return new LoadReport(counts.get(GET_OK), counts.get(GET_NON2XX), counts.get(GET_ERR),
                counts.get(POST_OK), counts.get(POST_NON2XX), counts.get(POST_ERR), counts.get(RACES), all);
    }

    private void loop(AtomicLongArray counts, AtomicLong budget, long deadline, List<LoadReport.Answer> answers) {
        Connection c = null;
        boolean post = false;
        while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
            post = !post;
            completed.incrementAndGet();
            boolean reused = c != null;
            try {
                if (c == null || c.closedByServer()) {
                    if (c != null) {
                        c.close();
                    }
                    c = new Connection(host, port);
                    reused = false;
                }
                Response r = c.send(post);
                if (r.status / 100 == 2) {
                    counts.incrementAndGet(post ? POST_OK : GET_OK);
                    answers.add(new LoadReport.Answer(System.nanoTime(), r.body.strip()));
                } else {
                    counts.incrementAndGet(post ? POST_NON2XX : GET_NON2XX);
                }
                if (r.close) {
                    c.close();
                    c = null;
                }
            } catch (IOException | RuntimeException e) {
                counts.incrementAndGet(post ? POST_ERR : GET_ERR);
                if (reused && c != null && !c.answered) {
                    counts.incrementAndGet(RACES);
                }
                if (c != null) {
                    c.close();
                }
                c = null;
            }
        }
        if (c != null) {
            c.close();
        }
    }

    private record Response(int status, String body, boolean close) {
    }

    /** One keep-alive connection: blocking reads with a timeout, and a non-blocking look for a close by the server. */
    private static final class Connection {

        private final SocketChannel channel;
        private final InputStream in;
        private final OutputStream out;
        /** Whether a byte of the current response arrived. */
        boolean answered;

        Connection(String host, int port) throws IOException {
            channel = SocketChannel.open(new InetSocketAddress(host, port));
            channel.socket().setSoTimeout(READ_TIMEOUT_MS);
            channel.socket().setTcpNoDelay(true);
            in = new BufferedInputStream(channel.socket().getInputStream());
            out = channel.socket().getOutputStream();
        }

        boolean closedByServer() {
            try {
                channel.configureBlocking(false);
                int n = channel.read(ByteBuffer.allocate(1));
                channel.configureBlocking(true);
                return n != 0; // -1: closed; > 0: bytes nobody asked for, the connection is unusable
            } catch (IOException e) {
                return true;
            }
        }

        Response send(boolean post) throws IOException {
            String request = post
                    ? "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"
                    : "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answered = false;
            String statusLine = line();
            if (statusLine.isEmpty()) {
                throw new IOException("closed before the response");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    body.write(in.readNBytes((int) size));
                    line();
                }
                line();
            } else if (length >= 0) {
                byte[] b = in.readNBytes((int) length);
                if (b.length < length) {
                    throw new IOException("closed in the middle of the body");
                }
                body.write(b);
            } else {
                body.write(in.readAllBytes());
                close = true;
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8), close);
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                answered |= c >= 0;
                if (c < 0) {
                    if (b.length() == 0) {
                        return "";
                    }
                    throw new IOException("closed in the middle of a line");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
