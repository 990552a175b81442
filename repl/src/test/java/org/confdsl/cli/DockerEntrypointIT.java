package org.confdsl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.confdsl.testkit.FreePorts;
import org.confdsl.testkit.NginxProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/dist/Dockerfile's entrypoint as a plain process (no Docker engine here): its ENTRYPOINT and
 * ENV, with only nginx's prefix changed so that the test's own nginx on a loopback port is the
 * child, never the system one. confdsl renders, starts nginx, reloads it on a key change, and
 * passes SIGTERM on; nginx's exit ends confdsl.
 */
class DockerEntrypointIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path DOCKERFILE = Path.of("..", "src", "dist", "Dockerfile");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theEntrypointRendersStartsNginxReloadsItAndStopsWithIt() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);
        List<String> entrypoint = entrypoint(dockerfile);
        Map<String, String> env = env(dockerfile);
        assertThat(entrypoint).startsWith("confdsl", "run", "/etc/confdsl/cloud.groovy");
        assertThat(env.get("CONFDSL_EXEC")).isEqualTo("nginx -g 'daemon off;'");

        Path prefix = Files.createDirectories(tmp.resolve("nginx"));
        Files.copy(Examples.ROOT.resolve("nginx_rolling_upgrade/nginx/nginx.conf"), prefix.resolve("nginx.conf"));
        int port = FreePorts.next();
        Files.writeString(prefix.resolve("listen.conf"), "listen 127.0.0.1:" + port + ";\n");
        String nginx = NginxProcess.binary() + " -e stderr -p " + prefix + "/ -c " + prefix.resolve("nginx.conf");
        Files.writeString(tmp.resolve("keys.yaml"), "site:\n  greeting: v1\n");
        Files.writeString(tmp.resolve("site.conf.tmpl"), "server {\n    include listen.conf;\n"
                + "    location / { return 200 \"${getv('/greeting')}\\n\"; }\n}\n");
        Path script = tmp.resolve("cloud.groovy");
        Files.writeString(script, "store file('keys.yaml')\nresource('site') {\n    prefix '/site'\n    template 'site.conf.tmpl'\n"
                + "    dest '" + prefix.resolve("conf.d/site.conf") + "'\n    mkdirs true\n"
                + "    check '" + nginx + " -t -q', inPlace: true\n    reload '" + nginx + " -s reload'\n}\n");

        Map<String, String> processEnv = new HashMap<>(env);
        processEnv.put("CONFDSL_EXEC", env.get("CONFDSL_EXEC").replaceFirst("^nginx ", nginx + " "));
        processEnv.put("CONFDSL_STATE_DIR", tmp.resolve("state").toString());
        String[] args = entrypoint.subList(1, entrypoint.size()).toArray(String[]::new);
        args[1] = script.toString();
        try (ProgramProcess daemon = ProgramProcess.start(tmp, processEnv, args)) {
            String url = "http://127.0.0.1:" + port + "/";
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(get(url)).isEqualTo("v1\n"));

            Files.writeString(tmp.resolve("keys.yaml"), "site:\n  greeting: v2\n");
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(get(url)).isEqualTo("v2\n"));

            daemon.signal("TERM");
            assertThat(daemon.awaitExit(WAIT)).as(daemon.toString()).isZero();
            await().atMost(WAIT).until(() -> !Files.exists(prefix.resolve("nginx.pid")));
            assertThat(daemon.out().lines()).as("JSON outcome lines (CONFDSL_LOG_FORMAT=json)")
                    .isNotEmpty().allMatch(l -> l.startsWith("{\"time\":") && l.contains("\"resource\":\"site\""));
            assertThat(daemon.err()).contains("\"message\":\"stopped\"");
        }
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** ENTRYPOINT ["a", "b", ...] (exec form). */
    static List<String> entrypoint(String dockerfile) {
        Matcher m = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(dockerfile);
        assertThat(m.find()).as("an exec-form ENTRYPOINT").isTrue();
        return Arrays.stream(m.group(1).split(",")).map(String::trim).map(s -> s.substring(1, s.length() - 1)).toList();
    }

    /** The ENV instruction's NAME="value" pairs (continued lines joined). */
    static Map<String, String> env(String dockerfile) {
        Matcher block = Pattern.compile("(?ms)^ENV (.*?[^\\\\])$").matcher(dockerfile);
        assertThat(block.find()).as("an ENV instruction").isTrue();
        Map<String, String> env = new HashMap<>();
        Matcher pair = Pattern.compile("([A-Z_]+)=(\"[^\"]*\"|\\S+)").matcher(block.group(1).replace("\\\n", " "));
        while (pair.find()) {
            String v = pair.group(2);
            env.put(pair.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return env;
    }
}
