package org.confdsl.sync;

import java.nio.file.Path;

/**
 * Run by {@link RealBindMountTest} in a child JVM inside a private mount namespace where the
 * destination is a bind-mounted file: syncs it with the real mover and prints the result.
 */
public final class BindMountProbe {

    private BindMountProbe() {
    }

    public static void main(String[] args) {
        Path dest = Path.of(args[0]);
        SyncResult result = new Syncer(new CommandRunner(), PendingReloads.inMemory())
                .sync(Fixtures.resource(dest).build(), Fixtures.rendered("new\n"), SyncOptions.DEFAULT);
        System.out.println(result.outcome() + ": " + result.message());
    }
}
