package org.confdsl.sync;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one resource in one pass.
 *
 * @param resource the resource name
 * @param outcome what happened
 * @param dest the destination file
 * @param revision the store revision the render came from, 0 when nothing was rendered
 * @param message one line saying why, empty for plain successes
 * @param diff for {@link Outcome#WOULD_UPDATE}: a unified diff of the destination against the render
 * @param commandOutput the output of a failed check or reload command, empty otherwise
 */
public record SyncResult(
        String resource,
        Outcome outcome,
        Path dest,
        long revision,
        String message,
        Optional<String> diff,
        String commandOutput) {

    public SyncResult {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(dest, "dest");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(commandOutput, "commandOutput");
    }

    public static SyncResult of(String resource, Outcome outcome, Path dest, long revision, String message) {
        return new SyncResult(resource, outcome, dest, revision, message, Optional.empty(), "");
    }
}
