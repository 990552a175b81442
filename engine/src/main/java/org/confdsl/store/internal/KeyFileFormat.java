package org.confdsl.store.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Whether a key file is YAML or JSON, and how to write keys in that format. */
public enum KeyFileFormat {
    YAML, JSON;

    /** JSON for a {@code .json} file, YAML for anything else ({@code .yaml}, {@code .yml}, others). */
    public static KeyFileFormat of(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    }

    /** Reads {@code text} in this format; see {@link YamlKeys#parse}. */
    public Map<String, String> parse(String text, String source) {
        return YamlKeys.parse(text, this == JSON, source);
    }

    /**
     * Writes {@code keys} as nested maps in this format: YAML in block style with every value
     * quoted where another reader could take it for a number or boolean, or indented JSON with
     * string values, nested in the order of {@code keys}. Comments and the original layout are not preserved.
     */
    public byte[] render(Map<String, String> keys) {
        Map<String, Object> tree = KeyTree.nest(keys);
        String text = this == JSON ? json(tree, "") + "\n" : yaml(tree);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String yaml(Map<String, Object> tree) {
        if (tree.isEmpty()) {
            return "{}\n";
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        return new Yaml(options).dump(tree);
    }

    private static String json(Object node, String indent) {
        String inner = indent + "  ";
        if (node instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            StringBuilder out = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(inner).append(quote((String) e.getKey())).append(": ").append(json(e.getValue(), inner));
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            return out.append(indent).append('}').toString();
        }
        if (node instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(inner).append(json(list.get(i), inner)).append(i + 1 < list.size() ? ",\n" : "\n");
            }
            return out.append(indent).append(']').toString();
        }
        return quote((String) node);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
