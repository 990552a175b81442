package org.confdsl.sync.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Decides whether a destination already is what the render asks for. */
public final class Comparer {

    private Comparer() {
    }

    /**
     * Whether {@code dest} exists, holds exactly {@code content} and has the target mode, owner
     * and group.
     *
     * @param current the destination's attributes as read now, empty when it does not exist
     * @throws StepException when the destination exists but cannot be read
     */
    public static boolean inSync(Path dest, byte[] content, TargetAttributes target, Optional<FileMeta> current)
            throws StepException {
        if (current.isEmpty() || !target.matches(current.get())) {
            return false;
        }
        try {
            // The size check spares reading a large file that obviously changed.
            return Files.size(dest) == content.length && Arrays.equals(Files.readAllBytes(dest), content);
        } catch (IOException e) {
            throw IoErrors.failure("cannot read", dest, e);
        }
    }
}
