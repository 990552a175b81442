package org.confdsl.store.etcd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.confdsl.model.Secret;

/**
 * What is unsafe about where a password comes from, as ssh warns about a private key others can
 * read: a password file readable or writable by its group or by others. (A password written into
 * the script is warned about when the script is loaded, where its line is known.)
 */
public final class PasswordWarnings {

    private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private PasswordWarnings() {
    }

    /** A warning for {@code secret}, naming the file and the fix, or empty when nothing is wrong (or it cannot be told). */
    public static Optional<String> of(Secret secret) {
        if (!(secret instanceof Secret.File file)) {
            return Optional.empty();
        }
        Path path = file.path();
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.stream().noneMatch(TOO_OPEN::contains)) {
                return Optional.empty();
            }
            return Optional.of("password file " + path + " can be read or changed by its group or by others ("
                    + PosixFilePermissions.toString(perms) + "): anyone with an account on this host may learn the etcd password;"
                    + " make it private: chmod 600 " + path);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // unreadable: reading it will fail with its own message
        }
    }
}
