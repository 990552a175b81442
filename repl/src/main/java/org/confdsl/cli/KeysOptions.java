package org.confdsl.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.confdsl.dsl.DslLoader;
import org.confdsl.model.StoreModel;
import org.confdsl.store.MutableKeyValueStore;
import org.confdsl.store.Stores;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every {@code keys} subcommand shares: which store ({@code -s SCRIPT}, {@code --file}, or
 * the {@link StoreOptions}), and the output format.
 */
final class KeysOptions {

    /** How results are printed. */
    enum Format {
        /** For people: {@code key = value} lines, bare values, short reports. */
        TEXT,
        /** For programs: one JSON object per command, always with {@code "revision"}. */
        JSON,
        /** {@code ls} as a tree with a key count per directory (the shell's default); other commands print text. */
        TREE
    }

    @Option(names = {"-s", "--script"}, paramLabel = "SCRIPT", description = "Use the store this script declares.")
    Path script;

    @Option(names = "--file", paramLabel = "KEYFILE", description = "Use this YAML or JSON key file as the store.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, or (for ls) tree. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    StoreOptions store;

    /** Set by {@link SharedCommands}: the shell's store, used instead of the options above. */
    CommandTarget target;

    boolean json() {
        return format == Format.JSON;
    }

    /**
     * The store chosen by the options, layered as {@link StoreOptions} does, opened.
     *
     * @throws UsageException when no store or two stores are named
     */
    MutableKeyValueStore open() {
        if (target != null) {
            return new BorrowedStore(target.store());
        }
        if (script != null && file != null) {
            throw new UsageException("-s/--script and --file both name a store; give one");
        }
        if (file != null && !store.endpoints.isEmpty()) {
            throw new UsageException("--file and --endpoints both name a store; give one");
        }
        Optional<StoreModel> base = script != null ? Optional.of(new DslLoader().load(script).store())
                : Optional.ofNullable(file).map(f -> new StoreModel.File(f.toAbsolutePath().normalize()));
        StoreModel model = store.layer(base).orElseThrow(() -> new UsageException(
                "no store named; give -s SCRIPT, --endpoints URL or --file keys.yaml"));
        return Stores.open(model);
    }

    /** Whether the user agrees to {@code question}; only the shell asks. */
    boolean confirm(String question) {
        return target == null || target.confirm(question);
    }

    /**
     * {@code key} when it is absolute.
     *
     * @throws UsageException naming the key and how to write it
     */
    static String absoluteKey(String key) {
        if (key == null || !key.startsWith("/")) {
            throw new UsageException("key '" + key + "' must start with '/', e.g. '/" + (key == null ? "" : key) + "'");
        }
        return key;
    }
}
