package org.confdsl.gotemplate.internal;

import java.util.ArrayList;
import java.util.List;
import org.confdsl.gotemplate.internal.Node.CommandNode;
import org.confdsl.gotemplate.internal.Node.PipeNode;
import org.confdsl.gotemplate.internal.Node.VariableNode;

/** The expression half of the grammar: pipelines, commands, operands and terms (Go's parse.go). */
final class PipelineParser {

    private final Parser parser;
    private final TokenCursor p;

    PipelineParser(Parser parser) {
        this.parser = parser;
        this.p = parser.cursor();
    }

    PipeNode pipeline(String context, TokenType end) {
        Token first = p.peekNonSpace();
        boolean isAssign = false;
        List<VariableNode> decl = new ArrayList<>();
        decls:
        while (true) {
            Token v = p.peekNonSpace();
            if (v.type() != TokenType.VARIABLE) {
                break;
            }
            int before = p.mark();
            p.nextNonSpace();
            Token next = p.peekNonSpace();
            if (next.type() == TokenType.ASSIGN || next.type() == TokenType.DECLARE) {
                isAssign = next.type() == TokenType.ASSIGN;
                p.nextNonSpace();
                decl.add(Parser.variable(v.pos(), v.val()));
                parser.vars().add(v.val());
            } else if (next.type() == TokenType.CHAR && next.val().equals(",")) {
                p.nextNonSpace();
                decl.add(Parser.variable(v.pos(), v.val()));
                parser.vars().add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    TokenType t = p.peekNonSpace().type();
                    if (t == TokenType.VARIABLE || t == TokenType.RIGHT_DELIM || t == TokenType.RIGHT_PAREN) {
                        continue decls;
                    }
                    throw p.errorf("range can only initialize variables");
                }
                throw p.errorf("too many declarations in " + context);
            } else {
                p.reset(before);
            }
            break;
        }
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            Token t = p.nextNonSpace();
            if (t.type() == end) {
                checkPipeline(cmds, context);
                return new PipeNode(first.pos(), first.line(), isAssign, decl.toArray(new VariableNode[0]),
                        cmds.toArray(new CommandNode[0]));
            }
            switch (t.type()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
                        VARIABLE, LEFT_PAREN -> {
                    p.backup();
                    cmds.add(command());
                }
                default -> throw p.unexpected(t, context);
            }
        }
    }

    private void checkPipeline(List<CommandNode> cmds, String context) {
        if (cmds.isEmpty()) {
            throw p.errorf("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
            Node first = cmds.get(i).args()[0];
            if (first instanceof Node.BoolNode || first instanceof Node.DotNode || first instanceof Node.NilNode
                    || first instanceof Node.NumberNode || first instanceof Node.StringNode) {
                throw p.errorf("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        int pos = p.peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            p.peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token t = p.next();
            if (t.type() == TokenType.SPACE) {
                continue;
            }
            if (t.type() == TokenType.RIGHT_DELIM || t.type() == TokenType.RIGHT_PAREN) {
                p.backup();
            } else if (t.type() != TokenType.PIPE) {
                throw p.unexpected(t, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw p.errorf("empty command");
        }
        return Parser.command(pos, args);
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (p.peek().type() == TokenType.FIELD) {
            int pos = p.peek().pos();
            List<String> fields = new ArrayList<>();
            while (p.peek().type() == TokenType.FIELD) {
                fields.add(p.next().val().substring(1));
            }
            if (node instanceof Node.FieldNode f) {
                List<String> all = new ArrayList<>(List.of(f.ident()));
                all.addAll(fields);
                return new Node.FieldNode(pos, all.toArray(new String[0]));
            }
            if (node instanceof Node.VariableNode v) {
                List<String> all = new ArrayList<>(List.of(v.ident()));
                all.addAll(fields);
                return new Node.VariableNode(pos, all.toArray(new String[0]));
            }
            if (node instanceof Node.BoolNode || node instanceof Node.StringNode || node instanceof Node.NumberNode
                    || node instanceof Node.NilNode || node instanceof Node.DotNode) {
                throw p.errorf("unexpected . after term " + GoQuote.quote(node.toString()));
            }
            return new Node.ChainNode(pos, node, fields.toArray(new String[0]));
        }
        return node;
    }

    private Node term() {
        Token t = p.nextNonSpace();
        switch (t.type()) {
            case IDENTIFIER:
                if (!parser.functionDefined(t.val())) {
                    throw p.errorf("function " + GoQuote.quote(t.val()) + " not defined");
                }
                return new Node.IdentifierNode(t.pos(), t.val());
            case DOT:
                return new Node.DotNode(t.pos());
            case NIL:
                return new Node.NilNode(t.pos());
            case VARIABLE:
                return useVar(t);
            case FIELD:
                return new Node.FieldNode(t.pos(), t.val().substring(1).split("\\.", -1));
            case BOOL:
                return new Node.BoolNode(t.pos(), t.val().equals("true"));
            case CHAR_CONSTANT, COMPLEX, NUMBER:
                return Numbers.parse(t, p);
            case LEFT_PAREN:
                return pipeline("parenthesized pipeline", TokenType.RIGHT_PAREN);
            case STRING, RAW_STRING:
                return new Node.StringNode(t.pos(), t.val(), parser.unquote(t.val()));
            default:
                p.backup();
                return null;
        }
    }

    private Node useVar(Token t) {
        VariableNode v = Parser.variable(t.pos(), t.val());
        if (parser.vars().contains(v.ident()[0])) {
            return v;
        }
        throw p.errorf("undefined variable " + GoQuote.quote(v.ident()[0]));
    }
}
