package org.confdsl.dsl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.confdsl.model.StoreModel;

/**
 * The rules an etcd store's settings must follow, shared by the script's {@code store etcd(...)}
 * and the command line's {@code --endpoints}: endpoints are {@code http://} or {@code https://}
 * URLs with a host and a port, all of one scheme; a client certificate comes with its key; a
 * password comes with a user; TLS files only go with {@code https://}. Nothing is read or
 * connected: whether the files exist is the store's business when it connects.
 */
public final class EtcdValidation {

    /**
     * How the user spelled each setting, so that a message names what they wrote.
     *
     * @param user the user setting
     * @param password the password setting
     * @param ca the CA file setting
     * @param cert the client certificate setting
     * @param key the client key setting
     */
    public record Words(String user, String password, String ca, String cert, String key) {

        /** The words of a {@code store etcd(...) { }} block. */
        public static final Words SCRIPT = new Words("user", "password", "ca", "cert", "key");
    }

    private EtcdValidation() {
    }

    /**
     * Checks one endpoint and returns it with a lower-case scheme and no trailing slash.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    public static String endpoint(String url) {
        String text = url == null ? "" : url.trim();
        String example = "write e.g. 'http://127.0.0.1:2379' (https:// for TLS)";
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an etcd endpoint is empty; " + example);
        }
        if (!text.contains("://")) {
            throw new IllegalArgumentException("etcd endpoint '" + text + "' has no scheme; write 'http://" + text
                    + "' (or https:// for TLS)");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("etcd endpoint '" + text + "' is not a URL (" + e.getReason() + "); " + example);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("etcd endpoint '" + text + "' must start with http:// or https://; " + example);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("etcd endpoint '" + text + "' has no host; " + example);
        }
        if (uri.getPort() < 0) {
            throw new IllegalArgumentException("etcd endpoint '" + text + "' has no port; write e.g. '" + scheme + "://"
                    + uri.getHost() + ":2379'");
        }
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!bare) {
            throw new IllegalArgumentException("etcd endpoint '" + text + "' must be only scheme, host and port; write '"
                    + scheme + "://" + uri.getHost() + ":" + uri.getPort() + "'");
        }
        return scheme + "://" + uri.getHost() + ":" + uri.getPort();
    }

    /** {@link #endpoint} for each of {@code urls}, which must be at least one and of one scheme. */
    public static List<String> endpoints(List<String> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("etcd needs at least one endpoint; write e.g. etcd('http://127.0.0.1:2379')");
        }
        List<String> out = new ArrayList<>();
        for (String u : urls) {
            out.add(endpoint(u));
        }
        // One client holds one TLS setting for every member, so a cluster cannot mix schemes.
        if (out.stream().map(EtcdValidation::isTls).distinct().count() > 1) {
            throw new IllegalArgumentException("etcd endpoints mix http:// and https:// (" + String.join(", ", out)
                    + "); use one scheme for every member");
        }
        return List.copyOf(out);
    }

    /**
     * Checks the combination of settings of {@code etcd}, naming them as {@code words} spells them.
     *
     * @return {@code etcd}, its endpoints normalized as {@link #endpoint} does
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    public static StoreModel.Etcd validate(StoreModel.Etcd etcd, Words words) {
        List<String> endpoints = endpoints(etcd.endpoints());
        if (etcd.certFile().isPresent() && etcd.keyFile().isEmpty()) {
            throw new IllegalArgumentException(words.cert() + " is set without " + words.key()
                    + "; a client certificate needs its private key, add " + words.key() + " too");
        }
        if (etcd.keyFile().isPresent() && etcd.certFile().isEmpty()) {
            throw new IllegalArgumentException(words.key() + " is set without " + words.cert()
                    + "; a client key needs its certificate, add " + words.cert() + " too");
        }
        if (etcd.password().isPresent() && etcd.user().isEmpty()) {
            throw new IllegalArgumentException(words.password() + " is set without " + words.user()
                    + "; etcd authenticates a user, add " + words.user() + " too");
        }
        boolean tlsFiles = etcd.caFile().isPresent() || etcd.certFile().isPresent();
        if (tlsFiles && !isTls(endpoints.get(0))) {
            // Certificates with plain http would be ignored, and a password would travel in clear.
            throw new IllegalArgumentException("TLS files (" + words.ca() + ", " + words.cert() + ") are set but the endpoints are http://; "
                    + "write https:// endpoints, e.g. '" + endpoints.get(0).replaceFirst("^http:", "https:") + "'");
        }
        if (etcd.connectTimeout().isZero() || etcd.connectTimeout().isNegative()
                || etcd.requestTimeout().isZero() || etcd.requestTimeout().isNegative()) {
            throw new IllegalArgumentException("the etcd timeout must be longer than zero; write e.g. '5s'");
        }
        return endpoints.equals(etcd.endpoints()) ? etcd : new StoreModel.Etcd(endpoints, etcd.user(), etcd.password(),
                etcd.caFile(), etcd.certFile(), etcd.keyFile(), etcd.connectTimeout(), etcd.requestTimeout());
    }

    private static boolean isTls(String endpoint) {
        return endpoint.startsWith("https://");
    }
}
