package org.confdsl.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Named HTTP backends on loopback (JDK {@code HttpServer}) that answer every GET and POST with
 * their name after a fixed service time, so that requests are in flight when one stops; plus a
 * control listener, {@code POST /stop/NAME} and {@code POST /start/NAME}, and a
 * {@link #controlScript} that a task's {@code sh} step calls, like {@code docker stop NAME}.
 *
 * <p>Stopping is abrupt, as a crashed or killed container: open connections are closed with
 * their requests in flight.
 */
public final class Backends implements AutoCloseable {

    private final Duration serviceTime;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, HttpServer> running = new ConcurrentHashMap<>();
    private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();
    private final HttpServer control;
    private final String bind;

    /** Backends that take {@code serviceTime} per request; the control listener starts now on a free port. */
    public Backends(Duration serviceTime) {
        this(serviceTime, "127.0.0.1");
    }

    /**
     * As {@link #Backends(Duration)}, the backends listening on {@code bind} (an address of a veth
     * link the test made, so that nginx in a network namespace reaches them); control stays on loopback.
     */
    public Backends(Duration serviceTime, String bind) {
        this.serviceTime = serviceTime;
        this.bind = bind;
        try {
            control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        control.createContext("/", this::control);
        control.setExecutor(Executors.newSingleThreadExecutor(r -> daemon(r, "backend-control")));
        control.start();
    }

    /** Starts backend {@code name} on a free port (or its old port when it ran before); returns {@code 127.0.0.1:PORT}. */
    public synchronized String start(String name) {
        if (running.containsKey(name)) {
            return address(name);
        }
        int port = ports.computeIfAbsent(name, n -> FreePorts.next());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 256);
            ExecutorService pool = Executors.newFixedThreadPool(64, r -> daemon(r, "backend-" + name));
            server.createContext("/", exchange -> serve(name, exchange));
            server.setExecutor(pool);
            server.start();
            running.put(name, server);
            pools.put(name, pool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start backend " + name + " on port " + port, e);
        }
        return address(name);
    }

    /** Stops backend {@code name} at once, dropping the requests it is serving. */
    public synchronized void stop(String name) {
        HttpServer server = running.remove(name);
        if (server != null) {
            server.stop(0);
            pools.remove(name).shutdownNow();
        }
    }

    /** {@code 127.0.0.1:PORT} of a backend started before. */
    public String address(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no backend " + name);
        }
        return bind + ":" + port;
    }

    /**
     * Writes an executable {@code backendctl} into {@code dir}: {@code backendctl stop NAME} and
     * {@code backendctl start NAME} call the control listener (with curl).
     */
    public Path controlScript(Path dir) {
        Executables.require("curl", "curl");
        Path script = dir.resolve("backendctl");
        try {
            Files.writeString(script, "#!/bin/sh\nexec curl -fsS --max-time 10 -X POST \"http://127.0.0.1:"
                    + control.getAddress().getPort() + "/$1/$2\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    private void serve(String name, HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            in.readAllBytes();
            TimeUnit.NANOSECONDS.sleep(serviceTime.toNanos()); // the simulated work of a real backend
            byte[] body = (name + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopped: the connection is dropped
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        int status = 200;
        String answer;
        if (!"POST".equals(exchange.getRequestMethod()) || parts.length != 3) {
            status = 400;
            answer = "POST /stop/NAME or /start/NAME\n";
        } else if (parts[1].equals("stop")) {
            stop(parts[2]);
            answer = "stopped " + parts[2] + "\n";
        } else if (parts[1].equals("start")) {
            answer = "started " + parts[2] + " at " + start(parts[2]) + "\n";
        } else {
            status = 404;
            answer = "unknown action " + parts[1] + "\n";
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops every backend and the control listener. */
    @Override
    public synchronized void close() {
        running.keySet().forEach(this::stop);
        control.stop(0);
        ((ExecutorService) control.getExecutor()).shutdownNow();
    }
}
