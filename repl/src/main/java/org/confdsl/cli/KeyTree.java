package org.confdsl.cli;

import java.util.Map;
import java.util.TreeMap;

/**
 * Draws keys as a tree, one line per path segment, with the number of keys below each directory:
 * what {@code ls --format tree} (the shell's {@code ls}) prints. Values are escaped onto one line
 * as in the text format.
 */
final class KeyTree {

    private final TreeMap<String, KeyTree> children = new TreeMap<>();
    private String value;
    private int count;

    private KeyTree() {
    }

    /** The tree of {@code entries} (absolute keys, all under {@code prefix}), rooted at {@code prefix}. */
    static String of(String prefix, Map<String, String> entries) {
        String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        KeyTree root = new KeyTree();
        entries.forEach((key, v) -> {
            root.count++;
            KeyTree node = root;
            String rest = key.length() > base.length() ? key.substring(base.length() + 1) : "";
            if (!rest.isEmpty()) {
                for (String segment : rest.split("/", -1)) {
                    node = node.children.computeIfAbsent(segment, s -> new KeyTree());
                    node.count++;
                }
            }
            node.value = v;
        });
        StringBuilder out = new StringBuilder();
        out.append(root.label(base.isEmpty() ? "/" : base)).append('\n');
        root.appendChildren(out, "");
        return out.toString();
    }

    private String label(String name) {
        StringBuilder s = new StringBuilder(name);
        boolean dir = !children.isEmpty();
        if (dir && !name.endsWith("/")) {
            s.append('/');
        }
        if (value != null) {
            s.append(" = ").append(KeysOutput.escapeText(value));
        }
        if (dir || count == 0) {
            s.append(" (").append(KeysOutput.keys(count)).append(')');
        }
        return s.toString();
    }

    private void appendChildren(StringBuilder out, String indent) {
        int i = 0;
        for (Map.Entry<String, KeyTree> e : children.entrySet()) {
            boolean last = ++i == children.size();
            out.append(indent).append(last ? "└── " : "├── ").append(e.getValue().label(e.getKey())).append('\n');
            e.getValue().appendChildren(out, indent + (last ? "    " : "│   "));
        }
    }
}
