package org.confdsl.sync;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.confdsl.sync.internal.DestinationPath;
import org.confdsl.sync.internal.StepException;

/**
 * A unified diff of a destination file against a candidate render, as {@code diff -u} prints it.
 *
 * <p>Headers are {@code --- <dest>} and {@code +++ <dest> (rendered)}, with 3 lines of context.
 * Both sides are read as UTF-8. A last line without a newline is marked
 * {@code \ No newline at end of file}, so a change of the final newline alone still shows.
 */
public final class UnifiedDiff {

    /** Lines of context around each change. */
    public static final int CONTEXT = 3;

    private static final String NO_NEWLINE = "\n\\ No newline at end of file";

    private UnifiedDiff() {
    }

    /**
     * {@link #of} for a resource's destination, read the way a sync writes it: through the
     * symlinks that root or the running user owns, and never through others (their target could
     * be any file of the planter's choice).
     *
     * @throws DestinationRefusedException when the destination is refused, naming path and owner
     */
    public static String ofDestination(Path dest, byte[] candidate) {
        try {
            return of(DestinationPath.resolve(dest), candidate);
        } catch (StepException e) {
            throw new DestinationRefusedException(e.getMessage(), e);
        }
    }

    /**
     * The diff that turns the current {@code dest} into {@code candidate}.
     *
     * @param dest the destination; a missing file diffs as empty
     * @param candidate the rendered bytes
     * @return the diff, each line ending in {@code \n}; empty when the bytes are equal
     * @throws UncheckedIOException when {@code dest} exists but cannot be read
     */
    public static String of(Path dest, byte[] candidate) {
        byte[] current;
        try {
            current = Files.readAllBytes(dest);
        } catch (NoSuchFileException e) {
            current = new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dest + ": " + e.getMessage(), e);
        }
        if (Arrays.equals(current, candidate)) {
            return "";
        }
        List<String> before = lines(current);
        List<String> after = lines(candidate);
        Patch<String> patch = DiffUtils.diff(before, after);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(
                dest.toString(), dest + " (rendered)", before, patch, CONTEXT);
        StringBuilder text = new StringBuilder();
        for (String line : diff) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        // split leaves "" after a final newline; a non-empty last piece is a line without one.
        String last = lines.remove(lines.size() - 1);
        if (!last.isEmpty()) {
            lines.add(last + NO_NEWLINE);
        }
        return lines;
    }
}
