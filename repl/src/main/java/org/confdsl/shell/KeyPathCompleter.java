package org.confdsl.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.confdsl.store.KeyValueStore;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes key paths one segment at a time, live from the store: {@code /app/up} offers
 * {@code /app/upstream/} (a directory: no space after it, Tab again goes on) and a leaf key ends
 * the word. A store that cannot be read offers nothing rather than an error under the cursor.
 */
final class KeyPathCompleter implements Completer {

    private final Supplier<? extends KeyValueStore> store;

    KeyPathCompleter(Supplier<? extends KeyValueStore> store) {
        this.store = store;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(candidates(line.word().substring(0, line.wordCursor())));
    }

    /** The candidates for the partly typed key {@code typed}. */
    List<Candidate> candidates(String typed) {
        String partial = typed.isEmpty() ? "/" : typed;
        if (!partial.startsWith("/")) {
            return List.of();
        }
        String dir = partial.substring(0, partial.lastIndexOf('/') + 1);
        Map<String, Boolean> next = new LinkedHashMap<>(); // candidate -> is a leaf
        try {
            String prefix = dir.length() > 1 ? dir.substring(0, dir.length() - 1) : "/";
            for (String key : store.get().snapshot(List.of(prefix)).entries().keySet()) {
                if (!key.startsWith(dir) || key.length() == dir.length()) {
                    continue;
                }
                int slash = key.indexOf('/', dir.length());
                if (slash < 0) {
                    next.putIfAbsent(key, true);
                } else {
                    next.put(key.substring(0, slash + 1), false);
                }
            }
        } catch (RuntimeException unreadable) {
            return List.of();
        }
        return next.entrySet().stream().map(e -> {
            String value = e.getKey();
            String display = value.substring(dir.length());
            return new Candidate(value, display, null, null, null, null, e.getValue());
        }).toList();
    }
}
