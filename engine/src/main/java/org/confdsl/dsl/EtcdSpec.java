package org.confdsl.dsl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.confdsl.dsl.internal.DslProblem;
import org.confdsl.dsl.internal.ScriptLines;
import org.confdsl.model.Secret;
import org.confdsl.model.StoreModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code store etcd('https://127.0.0.1:2379') { }} block: how to reach and authenticate to
 * etcd. Words: {@code user}, {@code password}, {@code ca}, {@code cert}, {@code key},
 * {@code timeout}. File paths are relative to the script. Nothing is read here: a password file
 * or an environment variable is read only when the store connects.
 */
public class EtcdSpec {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdSpec.class);

    private final Function<String, Path> resolver;
    private final String scriptName;
    private Optional<String> userValue = Optional.empty();
    private Optional<Secret> passwordValue = Optional.empty();
    private Optional<Path> caValue = Optional.empty();
    private Optional<Path> certValue = Optional.empty();
    private Optional<Path> keyValue = Optional.empty();
    private Duration timeoutValue = StoreModel.Etcd.DEFAULT_TIMEOUT;

    EtcdSpec(Function<String, Path> resolver) {
        this(resolver, "");
    }

    /** @param scriptName the script's file name, for the warning about a password written into it */
    EtcdSpec(Function<String, Path> resolver, String scriptName) {
        this.resolver = resolver;
        this.scriptName = scriptName;
    }

    /** The etcd user to authenticate as: {@code user 'root'}. A user without a password is allowed. */
    public void user(String name) {
        this.userValue = Optional.of(FileSettingsSpec.nonBlank("user", name));
    }

    /**
     * The user's password written into the script: {@code password 'secret'}. Discouraged: the
     * script ends up in version control; prefer {@code password env: 'VAR'} or {@code password file: 'path'}.
     */
    public void password(String literal) {
        if (literal == null || literal.isEmpty()) {
            throw new DslProblem("password needs a value; better, name where it is: password env: 'ETCD_PASSWORD'");
        }
        setPassword(Secret.literal(literal));
        LOG.warn("({}, line {}) password '...' writes the etcd password into the script: whoever reads the script, or its"
                + " history in version control, has it; write password env: 'ETCD_PASSWORD' or password file: '/run/secrets/etcd'"
                + " (chmod 600) instead", scriptName, ScriptLines.current(scriptName));
    }

    /**
     * Where the user's password is, read when the store connects: {@code password env: 'ETCD_PASSWORD'}
     * (an environment variable) or {@code password file: '/run/secrets/etcd'} (a file, relative to the
     * script; trailing newlines removed). Exactly one source.
     */
    public void password(Map<String, ?> source) {
        for (String k : source.keySet()) {
            if (!k.equals("env") && !k.equals("file")) {
                throw new DslProblem("password has no source '" + k + "'; write password env: 'ETCD_PASSWORD' or password file: '/run/secrets/etcd'");
            }
        }
        if (source.size() != 1) {
            throw new DslProblem("password needs exactly one source, given " + source.keySet()
                    + "; write password env: 'ETCD_PASSWORD' or password file: '/run/secrets/etcd'");
        }
        String kind = source.keySet().iterator().next();
        Object value = source.get(kind);
        String text = FileSettingsSpec.nonBlank("password " + kind + ":", value == null ? null : String.valueOf(value));
        setPassword(kind.equals("env") ? Secret.env(text) : Secret.file(resolver.apply(text)));
    }

    private void setPassword(Secret secret) {
        if (passwordValue.isPresent()) {
            throw new DslProblem("password is given twice (" + passwordValue.get().source() + ", then " + secret.source()
                    + "); keep one password line");
        }
        this.passwordValue = Optional.of(secret);
    }

    /** The CA certificate (PEM) that signed etcd's server certificates, relative to the script. Without it https uses the system's trusted CAs. */
    public void ca(String path) {
        this.caValue = Optional.of(resolver.apply(FileSettingsSpec.nonBlank("ca", path)));
    }

    /** The client certificate (PEM) for mutual TLS, relative to the script; needs {@link #key}. */
    public void cert(String path) {
        this.certValue = Optional.of(resolver.apply(FileSettingsSpec.nonBlank("cert", path)));
    }

    /** The client certificate's private key (PEM, PKCS#8), relative to the script; needs {@link #cert}. */
    public void key(String path) {
        this.keyValue = Optional.of(resolver.apply(FileSettingsSpec.nonBlank("key", path)));
    }

    /** How long connecting, and then each read or write, may take: {@code timeout '5s'}. Default 5s. */
    public void timeout(String duration) {
        this.timeoutValue = FileSettingsSpec.parseDuration(duration);
    }

    StoreModel.Etcd build(List<String> endpoints) {
        try {
            List<String> checked = EtcdValidation.endpoints(endpoints);
            return EtcdValidation.validate(new StoreModel.Etcd(checked, userValue, passwordValue, caValue, certValue,
                    keyValue, timeoutValue, timeoutValue), EtcdValidation.Words.SCRIPT);
        } catch (IllegalArgumentException e) {
            throw new DslProblem(e.getMessage());
        }
    }
}
