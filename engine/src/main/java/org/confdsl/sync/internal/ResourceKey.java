package org.confdsl.sync.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.confdsl.model.ResourceModel;

/** A stable identifier of a resource across processes: a hash of its name and destination. */
public final class ResourceKey {

    private ResourceKey() {
    }

    /** 32 hex digits of SHA-256 over {@code name NUL dest}; safe as a file name. */
    public static String of(ResourceModel resource) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((resource.name() + '\0' + resource.dest()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
