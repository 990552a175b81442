package org.confdsl.gotemplate.internal;

import java.util.List;

/**
 * The parse tree: immutable records, one per Go {@code parse.Node} kind. Each knows its offset in
 * the template text (for {@code line:col} in execution errors) and prints itself as Go's
 * {@code Node.String()} does, since execution errors quote the failing node ({@code at <getv "/a">}).
 */
public sealed interface Node {

    /** @return the node's offset in the template text */
    int pos();

    /** A sequence of nodes: a template's body or a branch. */
    record ListNode(int pos, Node[] nodes) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Node n : nodes) {
                sb.append(n);
            }
            return sb.toString();
        }
    }

    /** Plain text, written as it is. */
    record TextNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    /** An action that prints its pipeline's value (unless the pipeline declares variables). */
    record ActionNode(int pos, int line, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    /** A pipeline: optional variable declarations or assignments, then commands joined by {@code |}. */
    record PipeNode(int pos, int line, boolean isAssign, VariableNode[] decl, CommandNode[] cmds) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < decl.length; i++) {
                sb.append(i > 0 ? ", " : "").append(decl[i]);
            }
            if (decl.length > 0) {
                sb.append(" := ");
            }
            for (int i = 0; i < cmds.length; i++) {
                sb.append(i > 0 ? " | " : "").append(cmds[i]);
            }
            return sb.toString();
        }
    }

    /** One command of a pipeline: a function or value followed by its arguments. */
    record CommandNode(int pos, Node[] args) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < args.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                if (args[i] instanceof PipeNode) {
                    sb.append('(').append(args[i]).append(')');
                } else {
                    sb.append(args[i]);
                }
            }
            return sb.toString();
        }
    }

    /** A function name. */
    record IdentifierNode(int pos, String ident) implements Node {
        @Override
        public String toString() {
            return ident;
        }
    }

    /** A variable ({@code $x}, {@code $}) possibly followed by fields: {@code $x.a.b}. */
    record VariableNode(int pos, String[] ident) implements Node {
        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    /** The cursor, {@code .}. */
    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    /** The untyped {@code nil}. */
    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    /** Fields of dot: {@code .a.b} (idents without the periods). */
    record FieldNode(int pos, String[] ident) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (String id : ident) {
                sb.append('.').append(id);
            }
            return sb.toString();
        }
    }

    /** Fields of any other term: {@code (json .).a.b}. */
    record ChainNode(int pos, Node node, String[] field) implements Node {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (node instanceof PipeNode) {
                sb.append('(').append(node).append(')');
            } else {
                sb.append(node);
            }
            for (String f : field) {
                sb.append('.').append(f);
            }
            return sb.toString();
        }
    }

    /** {@code true} or {@code false}. */
    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /**
     * A number constant; {@code constant} is its value as Go's ideal constant becomes when used:
     * a Long (int) or a Double (float64); null with {@code error} set when it cannot be used.
     */
    record NumberNode(int pos, String text, Object constant, String error) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A string constant: as written and unquoted. */
    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    /** The kinds of branch. */
    enum Branch { IF, RANGE, WITH }

    /** {@code if}, {@code range} or {@code with}, with its optional else list (null when absent). */
    record BranchNode(Branch kind, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String toString() {
            return "{{" + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + pipe + "}}" + list
                    + (elseList != null ? "{{else}}" + elseList : "") + "{{end}}";
        }
    }

    /** {@code {{template "name" pipeline}}} (pipe null when absent). */
    record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{template " + GoQuote.quote(name) + (pipe != null ? " " + pipe : "") + "}}";
        }
    }

    /** {@code {{break}}}. */
    record BreakNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    /** {@code {{continue}}}. */
    record ContinueNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    /** Parser-only: {@code {{end}}} or {@code {{else}}} closing a list. */
    record EndNode(int pos, int line, boolean isElse) implements Node {
        @Override
        public String toString() {
            return isElse ? "{{else}}" : "{{end}}";
        }
    }

    /** Helper for building arrays from lists. */
    static Node[] array(List<? extends Node> nodes) {
        return nodes.toArray(new Node[0]);
    }
}
