package org.confdsl.confd.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.confdsl.confd.ConfdException;
import org.tomlj.TomlArray;


/**
 * Reads a TOML table as Go's BurntSushi/toml fills a struct: a field is found by its exact name
 * first and then case-insensitively; keys no field names are ignored; a value of the wrong type is
 * an error in BurntSushi's words, naming the file and the key.
 */
public final class TomlFields {

    private final String file;

    /**
     * Parses a TOML file.
     *
     * @throws ConfdException naming the file, line and column of a syntax error, or that it cannot be read
     */
    public static TomlFields parse(java.nio.file.Path path) {
        org.tomlj.TomlParseResult result;
        try {
            result = org.tomlj.Toml.parse(path);
        } catch (java.io.IOException e) {
            throw new ConfdException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (result.hasErrors()) {
            org.tomlj.TomlParseError first = result.errors().get(0);
            throw new ConfdException(path + ", line " + first.position().line() + ", column "
                    + first.position().column() + ": " + first.getMessage() + "; confd files are TOML (toml.io)");
        }
        return new TomlFields(path.toString(), result);
    }
    private final org.tomlj.TomlTable table;

    public TomlFields(String file, org.tomlj.TomlTable table) {
        this.file = file;
        this.table = table;
    }

    private Optional<String> keyFor(String field) {
        if (table.keySet().contains(field)) {
            return Optional.of(field);
        }
        for (String k : table.keySet()) {
            if (k.toLowerCase(Locale.ROOT).equals(field.toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private Optional<Object> raw(String field) {
        return keyFor(field).map(k -> table.get(List.of(k)));
    }

    /** A string field. */
    public Optional<String> string(String field) {
        return raw(field).map(v -> {
            if (v instanceof String s) {
                return s;
            }
            throw wrongType(field, v, "string");
        });
    }

    /** An integer field. */
    public Optional<Long> integer(String field) {
        return raw(field).map(v -> {
            if (v instanceof Long l) {
                return l;
            }
            throw wrongType(field, v, "int");
        });
    }

    /** A boolean field. */
    public Optional<Boolean> bool(String field) {
        return raw(field).map(v -> {
            if (v instanceof Boolean b) {
                return b;
            }
            throw wrongType(field, v, "bool");
        });
    }

    /** An array of strings. */
    public Optional<List<String>> strings(String field) {
        return raw(field).map(v -> {
            if (!(v instanceof TomlArray array)) {
                throw wrongType(field, v, "[]string");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof String s)) {
                    throw wrongType(field, array.get(i), "string");
                }
                out.add(s);
            }
            return out;
        });
    }

    /** A sub-table, such as {@code [template]}. */
    public Optional<TomlFields> table(String field) {
        return raw(field).map(v -> {
            if (v instanceof org.tomlj.TomlTable t) {
                return new TomlFields(file, t);
            }
            throw wrongType(field, v, "table");
        });
    }

    /** The keys of this table, as written. */
    public java.util.Set<String> keys() {
        return table.keySet();
    }

    private ConfdException wrongType(String field, Object value, String goType) {
        return new ConfdException(file + ": toml: cannot load TOML value of type " + tomlType(value)
                + " into a Go " + goType + " (key '" + field + "'); write it as a TOML "
                + ("string".equals(goType) ? "string in quotes, e.g. " + field + " = \"...\"" : goType));
    }

    private static String tomlType(Object v) {
        if (v instanceof String) {
            return "string";
        } else if (v instanceof Long) {
            return "int64";
        } else if (v instanceof Double) {
            return "float64";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof TomlArray) {
            return "[]interface {}";
        } else if (v instanceof org.tomlj.TomlTable) {
            return "map[string]interface {}";
        }
        return v == null ? "nil" : v.getClass().getSimpleName();
    }
}
