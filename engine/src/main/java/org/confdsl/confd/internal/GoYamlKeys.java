package org.confdsl.confd.internal;

import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

import org.confdsl.golang.GoPath;
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
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Flattens a YAML document into keys exactly as confd's file backend does (go-yaml v2, then
 * {@code nodeWalk}): maps join keys with {@code path.Join}, list items are {@code /0}, {@code /1},
 * plain scalars are typed by {@link GoYamlScalar} (YAML 1.1), quoted scalars stay text, nulls give
 * no key. A later key (in the same or a later file) replaces an earlier one.
 */
public final class GoYamlKeys {

    private static final int MAX_DEPTH = 64;

    private GoYamlKeys() {
    }

    /**
     * Adds the keys of {@code text} to {@code into}.
     *
     * @throws StoreException naming {@code source}, line and column: malformed YAML, a top level that
     *     is not a map, or a map key that confd would not read as text (confd itself crashes on one)
     */
    public static void parse(String text, String source, Map<String, String> into) {
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw error(source, e.getProblemMark(), e.getProblem());
        } catch (YAMLException e) {
            throw new StoreException(source + ": " + e.getMessage(), e);
        }
        if (root == null || root instanceof ScalarNode s && s.getValue().isEmpty()) {
            return;
        }
        if (!(root instanceof MappingNode map)) {
            throw error(source, root.getStartMark(), "yaml: unmarshal errors: cannot unmarshal into a map; the top level must be a map of keys (like 'app: {port: 8080}')");
        }
        walk(map, "/", into, source, 0);
    }

    private static void walk(Node node, String key, Map<String, String> into, String source, int depth) {
        if (depth > MAX_DEPTH) {
            throw error(source, node.getStartMark(), "nested deeper than " + MAX_DEPTH + " levels (a recursive alias?)");
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode k) || !isText(k)) {
                    throw error(source, tuple.getKeyNode().getStartMark(), "map key "
                            + (tuple.getKeyNode() instanceof ScalarNode k2 ? "'" + k2.getValue() + "' " : "")
                            + "is not a string to confd's YAML reader (confd stops with a panic on it); quote it");
                }
                walk(tuple.getValueNode(), join(key, k.getValue()), into, source, depth + 1);
            }
        } else if (node instanceof SequenceNode list) {
            for (int i = 0; i < list.getValue().size(); i++) {
                walk(list.getValue().get(i), join(key, Integer.toString(i)), into, source, depth + 1);
            }
        } else if (node instanceof ScalarNode scalar) {
            value(scalar).ifPresent(v -> into.put(key, v));
        }
    }

    private static boolean isText(ScalarNode k) {
        return !k.isPlain() || Tag.STR.equals(k.getTag()) && GoYamlScalar.isText(k.getValue());
    }

    private static Optional<String> value(ScalarNode scalar) {
        if (!scalar.isPlain()) {
            return Optional.of(scalar.getValue());
        }
        return GoYamlScalar.plain(scalar.getValue());
    }

    /** Go's {@code path.Join(key, segment)}. */
    private static String join(String key, String segment) {
        return segment.isEmpty() ? key : GoPath.clean(key + "/" + segment);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMergeOnCompose(true);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(64 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new MergeOnlyResolver());
    }

    /** Types nothing itself (so each scalar's text reaches {@link GoYamlScalar}); keeps merge keys. */
    private static final class MergeOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.MERGE, MERGE, "<");
        }
    }

    private static StoreException error(String source, Mark mark, String problem) {
        if (mark == null) {
            return new StoreException(source + ": " + problem);
        }
        return new StoreException(source + ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " + problem);
    }
}
