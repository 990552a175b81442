package org.confdsl.task;

import java.util.List;

import org.confdsl.model.KeyValue;
import org.confdsl.store.KeyValueStore;
import org.confdsl.store.Snapshot;
import org.confdsl.template.KeyView;

/**
 * A task's reads: each one a fresh read of the smallest prefix that holds the answer, with the
 * template functions' semantics on absolute keys (globs are Go's {@code path.Match}).
 */
final class KeyReads {

    private final KeyValueStore store;

    KeyReads(KeyValueStore store) {
        this.store = store;
    }

    boolean exists(String key) {
        return view(key).exists(key);
    }

    KeyValue get(String key) {
        String value = read(key).entries().get(key);
        if (value == null) {
            throw new StepFailure("key " + key + " does not exist");
        }
        return new KeyValue(key, value);
    }

    String getv(String key, String defaultValue) {
        String value = read(key).entries().get(key);
        return value != null ? value : defaultValue;
    }

    List<KeyValue> gets(String glob) {
        return view(glob).gets(glob).stream().map(kv -> new KeyValue(kv.key(), kv.value())).toList();
    }

    List<String> getvs(String glob) {
        return view(glob).getvs(glob);
    }

    List<String> ls(String dir) {
        return view(dir).ls(dir);
    }

    List<String> lsdir(String dir) {
        return view(dir).lsdir(dir);
    }

    /** The store's revision now. */
    long revision(List<String> prefixes) {
        return store.snapshot(prefixes).revision();
    }

    private KeyView view(String pattern) {
        return new KeyView(read(pattern), "/");
    }

    private Snapshot read(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new StepFailure("key '" + pattern + "' must start with '/': keys in a task are absolute");
        }
        return store.snapshot(List.of(literalPrefix(pattern)));
    }

    /** The directory above the first glob character: '/cloud/upstream/*' reads '/cloud/upstream'. */
    static String literalPrefix(String pattern) {
        int glob = pattern.length();
        for (char c : new char[] {'*', '?', '['}) {
            int i = pattern.indexOf(c);
            if (i >= 0 && i < glob) {
                glob = i;
            }
        }
        if (glob == pattern.length()) {
            return pattern;
        }
        int slash = pattern.lastIndexOf('/', glob);
        return slash <= 0 ? "/" : pattern.substring(0, slash);
    }
}
