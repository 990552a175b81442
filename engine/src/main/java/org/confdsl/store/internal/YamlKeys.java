package org.confdsl.store.internal;

import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.confdsl.store.StoreException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Flattens a YAML or JSON document into {@code /a/b} keys, as confd's file backend does: nested
 * maps join their keys with {@code /}, list items become {@code /list/0}, {@code /list/1}, and a
 * map key containing {@code /} splits into segments. Scalars keep their text as written (no
 * implicit types), an empty value is {@code ""}; empty maps and lists produce no keys. Keys come
 * in document order.
 */
public final class YamlKeys {

    /** Deeper than any sensible key file; also stops a recursive alias from looping forever. */
    private static final int MAX_DEPTH = 64;

    private YamlKeys() {
    }

    /**
     * Parses {@code text} and flattens it.
     *
     * @param text the document; an empty document has no keys
     * @param json whether the text is JSON (tabs, legal JSON whitespace, are not legal YAML indentation)
     * @param source names the document in messages, e.g. the file path
     * @throws StoreException "{@code source, line L, column C: problem}" when the document is
     *     malformed, its top level is not a map, or a key is defined twice
     */
    public static Map<String, String> parse(String text, boolean json, String source) {
        // JSON forbids raw tabs inside strings, so outside them a tab is only whitespace.
        String yamlText = json ? text.replace('\t', ' ') : text;
        Node root;
        try {
            root = yaml().compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            // getProblem(), not getMessage(): the message quotes the offending line, which may hold a secret.
            throw error(source, e.getProblemMark(), e.getProblem());
        } catch (YAMLException e) {
            throw new StoreException(source + ": " + e.getMessage(), e);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        if (root == null) {
            return keys;
        }
        if (!(root instanceof MappingNode map)) {
            throw error(source, root.getStartMark(),
                    "the top level must be a map of keys (like 'app: {port: 8080}'), found a " + kind(root));
        }
        new Walk(source, keys).node(map, "", 0);
        return keys;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMergeOnCompose(true);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(64 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new PlainTextResolver());
    }

    private static StoreException error(String source, Mark mark, String problem) {
        if (mark == null) {
            return new StoreException(source + ": " + problem);
        }
        return new StoreException(source + ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)
                + ": " + problem);
    }

    private static String kind(Node node) {
        return node instanceof SequenceNode ? "list" : node instanceof MappingNode ? "map" : "single value";
    }

    /** One flattening pass; remembers where each key was defined to report duplicates. */
    private record Walk(String source, Map<String, String> keys, Map<String, Integer> lines) {

        Walk(String source, Map<String, String> keys) {
            this(source, keys, new HashMap<>());
        }

        void node(Node node, String path, int depth) {
            if (depth > MAX_DEPTH) {
                throw error(source, node.getStartMark(), "nested deeper than " + MAX_DEPTH
                        + " levels (a recursive alias?)");
            }
            if (node instanceof MappingNode map) {
                for (NodeTuple tuple : map.getValue()) {
                    if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                        throw error(source, tuple.getKeyNode().getStartMark(),
                                "a map key must be text, found a " + kind(tuple.getKeyNode()));
                    }
                    node(tuple.getValueNode(), join(path, key.getValue()), depth + 1);
                }
            } else if (node instanceof SequenceNode list) {
                for (int i = 0; i < list.getValue().size(); i++) {
                    node(list.getValue().get(i), path + "/" + i, depth + 1);
                }
            } else {
                leaf(path, ((ScalarNode) node).getValue(), node.getStartMark());
            }
        }

        private void leaf(String path, String value, Mark mark) {
            String key = path.isEmpty() ? "/" : path;
            Integer first = lines.putIfAbsent(key, mark.getLine() + 1);
            if (first != null) {
                throw error(source, mark, "key " + key + " is defined twice (first on line " + first
                        + "); keep one of them");
            }
            keys.put(key, value);
        }

        private static String join(String path, String segment) {
            StringBuilder out = new StringBuilder(path);
            for (String part : segment.split("/")) {
                if (!part.isEmpty()) {
                    out.append('/').append(part);
                }
            }
            return out.toString();
        }
    }
}
