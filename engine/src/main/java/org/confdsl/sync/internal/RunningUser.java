package org.confdsl.sync.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

/** The user this process runs as, as a principal comparable with a file's owner. */
public final class RunningUser {

    private static volatile UserPrincipal cached;

    private RunningUser() {
    }

    /** The effective user ({@code /proc/self} belongs to it). */
    public static UserPrincipal get() {
        UserPrincipal user = cached;
        if (user == null) {
            try {
                user = Files.getOwner(Path.of("/proc/self/"));
            } catch (IOException e) {
                try {
                    user = FileSystems.getDefault().getUserPrincipalLookupService()
                            .lookupPrincipalByName(System.getProperty("user.name"));
                } catch (IOException e2) {
                    throw new UncheckedIOException("cannot tell which user this process runs as", e2);
                }
            }
            cached = user;
        }
        return user;
    }

    /** Whether {@code user} is root (uid 0). */
    public static boolean isRoot(UserPrincipal user) {
        return user.getName().equals("root") || user.getName().equals("0");
    }
}
