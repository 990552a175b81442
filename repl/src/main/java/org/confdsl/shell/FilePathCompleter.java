package org.confdsl.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Completes file paths relative to the working directory, a directory at a time (for {@code load SCRIPT}). */
final class FilePathCompleter implements Completer {

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(candidates(line.word().substring(0, line.wordCursor())));
    }

    /** The entries of the directory {@code typed} names so far. */
    List<Candidate> candidates(String typed) {
        int slash = typed.lastIndexOf('/');
        String dirPart = typed.substring(0, slash + 1);
        Path dir = dirPart.isEmpty() ? Path.of(".") : Path.of(dirPart);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> {
                boolean isDir = Files.isDirectory(p);
                String name = p.getFileName().toString() + (isDir ? "/" : "");
                return new Candidate(dirPart + name, name, null, null, null, null, !isDir);
            }).sorted().toList();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }
}
