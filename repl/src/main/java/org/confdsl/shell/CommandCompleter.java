package org.confdsl.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Completion read off the picocli model, so it can never disagree with what the commands accept:
 * the first word is a command name; a word starting with {@code -} is one of that command's
 * options; an option's value comes from its declared candidates (e.g. {@code --format}); a
 * positional parameter is completed by the completer registered for its label
 * ({@code KEY}/{@code PREFIX}: key paths, {@code RESOURCE}: resource names, ...).
 */
final class CommandCompleter implements Completer {

    private final Map<String, CommandLine> commands;
    private final Map<String, Completer> byLabel;

    /**
     * @param commands the shell's commands by name
     * @param byLabel completers for positional parameters, by their {@code paramLabel}
     */
    CommandCompleter(Map<String, CommandLine> commands, Map<String, Completer> byLabel) {
        this.commands = commands;
        this.byLabel = byLabel;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        String typed = line.word().substring(0, line.wordCursor());
        if (index == 0) {
            commands.forEach((name, sub) -> candidates.add(new Candidate(name, name, null,
                    firstSentence(sub.getCommandSpec()), null, null, true)));
            return;
        }
        CommandLine command = commands.get(words.get(0));
        if (command == null) {
            return;
        }
        CommandSpec spec = command.getCommandSpec();
        OptionSpec previous = index >= 2 ? spec.findOption(words.get(index - 1)) : null;
        if (previous != null && previous.arity().max() > 0 && !isFlag(previous)) {
            if (previous.completionCandidates() != null) {
                // enum values are accepted in any case (setCaseInsensitiveEnumValuesAllowed); offered as the docs spell them
                previous.completionCandidates().forEach(v -> candidates.add(new Candidate(
                        previous.type().isEnum() ? v.toLowerCase(Locale.ROOT) : v)));
            } else {
                delegate(previous.paramLabel(), reader, line, candidates);
            }
            return;
        }
        if (typed.startsWith("-")) {
            for (OptionSpec o : spec.options()) {
                for (String name : o.names()) {
                    candidates.add(new Candidate(name, name, null, o.description().length > 0 ? o.description()[0] : null,
                            null, o.longestName(), true));
                }
            }
            return;
        }
        PositionalParamSpec positional = positionalAt(spec, positionalIndex(spec, words, index));
        if (positional != null) {
            delegate(positional.paramLabel(), reader, line, candidates);
        }
    }

    private void delegate(String label, LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Completer completer = byLabel.get(label);
        if (completer != null) {
            completer.complete(reader, line, candidates);
        }
    }

    /** How many positional words come before word {@code index}, skipping options and their values. */
    private static int positionalIndex(CommandSpec spec, List<String> words, int index) {
        int count = 0;
        for (int i = 1; i < index; i++) {
            OptionSpec o = spec.findOption(words.get(i));
            if (o != null) {
                if (!isFlag(o) && o.arity().max() > 0 && !words.get(i).contains("=")) {
                    i++;
                }
            } else if (!words.get(i).startsWith("-")) {
                count++;
            }
        }
        return count;
    }

    private static PositionalParamSpec positionalAt(CommandSpec spec, int position) {
        List<PositionalParamSpec> all = new ArrayList<>(spec.positionalParameters());
        return all.stream().filter(p -> p.index().contains(position)).findFirst().orElse(null);
    }

    private static boolean isFlag(OptionSpec o) {
        return o.type() == boolean.class || o.type() == Boolean.class;
    }

    private static String firstSentence(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        if (d.length == 0) {
            return null;
        }
        int stop = d[0].indexOf(". ");
        return stop > 0 ? d[0].substring(0, stop) : d[0];
    }
}
