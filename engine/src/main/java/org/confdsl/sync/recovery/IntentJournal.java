package org.confdsl.sync.recovery;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.confdsl.sync.internal.FilePort;

/**
 * The intent journal: before a step that changes a destination and cannot be undone by simply
 * not finishing it, what to do if the process dies is written here and fsynced; when the step is
 * over the entry is removed ("write the intent, fsync, act, mark done", as a rollback journal).
 *
 * <p>One file per destination, {@code journal/HASH.intent} in the state directory (HASH of the
 * destination's real path), holding {@code dest}, {@code step} and, for an in-place check,
 * {@code backup} (the copy of the previous file, or {@code none} when there was none). The only
 * such step is the in-place check: the candidate is installed before it is checked. The swap
 * itself is a rename, atomic by nature; the reload that must follow it is recorded before the
 * swap as a pending reload ({@link org.confdsl.sync.PendingReloads}).
 */
public final class IntentJournal {

    /** What an interrupted in-place check leaves to undo. */
    public record InPlaceCheck(Path dest, Optional<Path> backup) {
    }

    private static final String CHECK_IN_PLACE = "check-in-place";

    private final Optional<Path> dir;
    private final FilePort files;
    /** Entry file per destination: each sync asks for it, and a SHA-256 per sync is a measurable cost. */
    private final Map<Path, Path> entries = new ConcurrentHashMap<>();

    private IntentJournal(Optional<Path> dir, FilePort files) {
        this.dir = dir;
        this.files = files;
    }

    /** A journal in {@code stateDir/journal} (created when first written). */
    public static IntentJournal inDirectory(Path stateDir) {
        return new IntentJournal(Optional.of(stateDir.resolve("journal")), FilePort.JDK);
    }

    /** A journal that keeps nothing: for a process whose crash nobody recovers (tests, embedding). */
    public static IntentJournal none() {
        return new IntentJournal(Optional.empty(), FilePort.JDK);
    }

    /**
     * Records, durably, that {@code dest} is about to be replaced by a candidate for an in-place
     * check, and that {@code backup} (fsynced already) holds the previous file.
     *
     * @throws IOException when the entry cannot be written; the caller must then not proceed
     */
    public void checkingInPlace(Path dest, Optional<Path> backup) throws IOException {
        if (dir.isEmpty()) {
            return;
        }
        Files.createDirectories(dir.get());
        Path entry = entry(dest);
        Path temp = Files.createTempFile(dir.get(), "." + entry.getFileName(), ".tmp");
        try {
            String text = "dest=" + escape(dest) + "\nstep=" + CHECK_IN_PLACE + "\nbackup="
                    + backup.map(IntentJournal::escape).orElse("none") + "\n";
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                files.write(channel, temp, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                files.force(channel, temp);
            }
            files.rename(temp, entry);
            files.forceDirectory(dir.get());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Marks the step on {@code dest} done: removes its entry, durably. */
    public void done(Path dest) {
        if (dir.isEmpty()) {
            return;
        }
        try {
            if (Files.deleteIfExists(entry(dest))) {
                files.forceDirectory(dir.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the journal entry " + entry(dest) + ": " + e.getMessage(), e);
        }
    }

    /** The unfinished in-place check on {@code dest}, if a process died during one. */
    public Optional<InPlaceCheck> read(Path dest) {
        if (dir.isEmpty() || !Files.exists(entry(dest))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(entry(dest), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal entry " + entry(dest) + ": " + e.getMessage(), e);
        }
        if (!CHECK_IN_PLACE.equals(p.getProperty("step"))) {
            return Optional.empty();
        }
        String backup = p.getProperty("backup", "none");
        return Optional.of(new InPlaceCheck(dest, backup.equals("none") ? Optional.empty() : Optional.of(Path.of(backup))));
    }

    /** The entry file of {@code dest}. */
    public Optional<Path> entryOf(Path dest) {
        return dir.map(d -> entry(dest));
    }

    private Path entry(Path dest) {
        Path d = dir.orElseThrow();
        return entries.computeIfAbsent(dest, p -> d.resolve(hash(p.toAbsolutePath().toString()) + ".intent"));
    }

    // Properties syntax: a backslash or a leading space would be read back differently.
    private static String escape(Path path) {
        return path.toAbsolutePath().toString().replace("\\", "\\\\");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
