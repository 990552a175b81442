package org.confdsl.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes to a plain-HTTP etcd through its JSON gateway ({@code /v3/kv/put}): a writer that is
 * independent of jetcd and quicker than starting {@code etcdctl}, for timing tests.
 */
public final class EtcdHttp {

    private static final Pattern REVISION = Pattern.compile("\"revision\"\\s*:\\s*\"(\\d+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EtcdHttp() {
    }

    /**
     * Puts {@code key}={@code value} at {@code clientUrl}.
     *
     * @return the revision of the put
     * @throws IllegalStateException when etcd does not accept it within 5 s
     */
    public static long put(String clientUrl, String key, String value) {
        String body = "{\"key\":\"" + b64(key) + "\",\"value\":\"" + b64(value) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(clientUrl + "/v3/kv/put"))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = REVISION.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("etcd put failed (" + r.statusCode() + "): " + r.body());
            }
            return Long.parseLong(m.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("etcd put failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during an etcd put", e);
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
