package org.confdsl.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.confdsl.dsl.EtcdValidation;
import org.confdsl.model.Secret;
import org.confdsl.model.StoreModel;
import picocli.CommandLine.Option;

/**
 * The options that choose and reach the store, shared by {@code run}, {@code render} and
 * {@code keys}. Layering, in named steps: the script's store → the command line (it wins;
 * {@code --endpoints} turns any store into etcd and keeps the script's etcd settings that no
 * option replaces) → validate → one {@link StoreModel}.
 *
 * <p>Passwords are never taken on the command line, where {@code ps} and shell history would
 * show them: only {@code --password-env VAR}, {@code --password-file FILE}, or
 * {@value #PASSWORD_ENV} when {@code --user} is given without either.
 */
final class StoreOptions {

    /** The variable read for {@code --user}'s password when no other source is given. */
    static final String PASSWORD_ENV = "CONFDSL_ETCD_PASSWORD";

    private static final EtcdValidation.Words WORDS = new EtcdValidation.Words(
            "--user", "--password-env/--password-file", "--ca-file", "--cert-file", "--key-file");

    @Option(names = "--endpoints", paramLabel = "URL", split = ",",
            description = "etcd client URLs (http:// or https://, host and port), comma-separated. Replaces the script's store.")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--user", paramLabel = "NAME",
            description = "etcd user; its password comes from --password-env, --password-file or $" + PASSWORD_ENV + ".")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the etcd password from environment variable VAR.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the etcd password from FILE (trailing newlines removed).")
    Path passwordFile;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "CA certificate (PEM) for https endpoints. Default: the system's trusted CAs.")
    Path caFile;

    @Option(names = "--cert-file", paramLabel = "FILE", description = "Client certificate (PEM) for mutual TLS; needs --key-file.")
    Path certFile;

    @Option(names = "--key-file", paramLabel = "FILE", description = "The client certificate's private key (PEM, PKCS#8).")
    Path keyFile;

    @Option(names = "--timeout", paramLabel = "DUR", converter = DurationConverter.class,
            description = "etcd connect and request timeout, e.g. 5s.")
    Duration timeout;

    /** The environment; tests replace it. */
    Function<String, String> env = System::getenv;

    /**
     * The store to open: {@code fromScript} with the command line layered over it.
     *
     * @throws UsageException when the options contradict each other or the result is invalid
     */
    StoreModel layer(StoreModel fromScript) {
        return layer(Optional.of(fromScript)).orElseThrow();
    }

    /**
     * As {@link #layer(StoreModel)}, for commands that may have no script: empty when neither
     * the script nor {@code --endpoints} names a store.
     */
    Optional<StoreModel> layer(Optional<StoreModel> fromScript) {
        Optional<StoreModel.Etcd> etcd = chooseEtcd(fromScript);
        if (etcd.isEmpty()) {
            return fromScript;
        }
        StoreModel.Etcd layered = overrideTimeouts(overrideTls(overrideAuth(etcd.get())));
        return Optional.of(validate(layered));
    }

    /** Whether any option was given; {@code keys --file} refuses them. */
    boolean anyGiven() {
        return !endpoints.isEmpty() || anyEtcdSetting();
    }

    /** Step 1: the etcd store to start from (the script's, or a fresh one for --endpoints), or none. */
    private Optional<StoreModel.Etcd> chooseEtcd(Optional<StoreModel> fromScript) {
        Optional<StoreModel.Etcd> scripted = fromScript.filter(StoreModel.Etcd.class::isInstance).map(StoreModel.Etcd.class::cast);
        if (!endpoints.isEmpty()) {
            List<String> urls = checkedEndpoints();
            StoreModel.Etcd base = scripted.orElseGet(() -> StoreModel.Etcd.of(urls));
            return Optional.of(new StoreModel.Etcd(urls, base.user(), base.password(), base.caFile(), base.certFile(),
                    base.keyFile(), base.connectTimeout(), base.requestTimeout()));
        }
        if (scripted.isEmpty() && anyEtcdSetting()) {
            String what = fromScript.map(s -> "the script's store is " + s.describe()).orElse("no store is named");
            throw new UsageException("--user, --password-*, --ca-file, --cert-file, --key-file and --timeout are for an etcd store, but "
                    + what + "; add --endpoints URL");
        }
        return scripted;
    }

    /** Step 2: --user replaces the script's user and password; a password option alone replaces the password. */
    private StoreModel.Etcd overrideAuth(StoreModel.Etcd etcd) {
        if (passwordEnv != null && passwordFile != null) {
            throw new UsageException("--password-env and --password-file are both given; name one password source");
        }
        Optional<Secret> fromOptions = passwordEnv != null ? Optional.of(Secret.env(nonBlank("--password-env", passwordEnv)))
                : Optional.ofNullable(passwordFile).map(p -> Secret.file(p.toAbsolutePath().normalize()));
        Optional<String> newUser = etcd.user();
        Optional<Secret> password = etcd.password();
        if (user != null) {
            newUser = Optional.of(nonBlank("--user", user));
            // A password belongs to its user: never pair the script's password with another user.
            password = fromOptions.isPresent() ? fromOptions
                    : Optional.ofNullable(env.apply(PASSWORD_ENV)).map(v -> Secret.env(PASSWORD_ENV));
        } else if (fromOptions.isPresent()) {
            password = fromOptions;
        }
        return new StoreModel.Etcd(etcd.endpoints(), newUser, password, etcd.caFile(), etcd.certFile(), etcd.keyFile(),
                etcd.connectTimeout(), etcd.requestTimeout());
    }

    /** Step 3: each TLS file given replaces the script's one; paths are relative to the working directory. */
    private StoreModel.Etcd overrideTls(StoreModel.Etcd etcd) {
        return new StoreModel.Etcd(etcd.endpoints(), etcd.user(), etcd.password(),
                absolute(caFile).or(etcd::caFile), absolute(certFile).or(etcd::certFile), absolute(keyFile).or(etcd::keyFile),
                etcd.connectTimeout(), etcd.requestTimeout());
    }

    /** Step 4: --timeout sets both the connect and the request timeout. */
    private StoreModel.Etcd overrideTimeouts(StoreModel.Etcd etcd) {
        if (timeout == null) {
            return etcd;
        }
        return new StoreModel.Etcd(etcd.endpoints(), etcd.user(), etcd.password(), etcd.caFile(), etcd.certFile(),
                etcd.keyFile(), timeout, timeout);
    }

    /** Step 5: the same rules as the script's {@code store etcd}, named as the command line spells them. */
    private static StoreModel.Etcd validate(StoreModel.Etcd etcd) {
        try {
            return EtcdValidation.validate(etcd, WORDS);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private List<String> checkedEndpoints() {
        try {
            return EtcdValidation.endpoints(endpoints.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--endpoints: " + e.getMessage());
        }
    }

    private boolean anyEtcdSetting() {
        return user != null || passwordEnv != null || passwordFile != null || caFile != null || certFile != null
                || keyFile != null || timeout != null;
    }

    private static Optional<Path> absolute(Path path) {
        return Optional.ofNullable(path).map(p -> p.toAbsolutePath().normalize());
    }

    private static String nonBlank(String option, String value) {
        if (value.isBlank()) {
            throw new UsageException(option + " needs a value");
        }
        return value;
    }
}
