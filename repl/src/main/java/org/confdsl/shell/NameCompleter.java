package org.confdsl.shell;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Completes from a list that may change while the shell runs: resource names after {@code load}, command names. */
final class NameCompleter implements Completer {

    private final Supplier<? extends Collection<String>> names;

    NameCompleter(Supplier<? extends Collection<String>> names) {
        this.names = names;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(candidates());
    }

    /** Every name, each a complete word. */
    List<Candidate> candidates() {
        return names.get().stream().map(Candidate::new).toList();
    }
}
