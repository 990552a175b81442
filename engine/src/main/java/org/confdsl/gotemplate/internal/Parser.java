package org.confdsl.gotemplate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.confdsl.gotemplate.GoTemplateException;
import org.confdsl.gotemplate.internal.Node.ActionNode;
import org.confdsl.gotemplate.internal.Node.BranchNode;
import org.confdsl.gotemplate.internal.Node.CommandNode;
import org.confdsl.gotemplate.internal.Node.EndNode;
import org.confdsl.gotemplate.internal.Node.ListNode;
import org.confdsl.gotemplate.internal.Node.PipeNode;
import org.confdsl.gotemplate.internal.Node.VariableNode;

/**
 * Builds the immutable tree from the lexer's tokens, following Go's {@code text/template/parse}
 * grammar and its error messages ({@code template: NAME:LINE: ...}). Produces the named template and
 * every {@code define}/{@code block} in it.
 */
public final class Parser {

    private final String name;
    private final String text;
    private final Predicate<String> userFunction;
    private TokenCursor c;
    private List<String> vars = new ArrayList<>(List.of("$"));
    private int rangeDepth;
    private final Map<String, ListNode> treeSet = new LinkedHashMap<>();

    /**
     * @param name the template's name (in messages and as the main tree's name)
     * @param text the template text
     * @param userFunction whether a name is a function given by the caller
     */
    public Parser(String name, String text, Predicate<String> userFunction) {
        this.name = name;
        this.text = text;
        this.userFunction = userFunction;
    }

    /**
     * @return every template by name: the main one under the parser's name, plus each defined one
     * @throws GoTemplateException on the first syntax error
     */
    public Map<String, ListNode> parse() throws GoTemplateException {
        c = new TokenCursor(name, Lexer.lex(text, !hasFunction("break"), !hasFunction("continue")));
        try {
            ListNode root = parseMain();
            add(name, root);
            return treeSet;
        } catch (TokenCursor.ParseError e) {
            throw new GoTemplateException(GoTemplateException.Phase.PARSE, e.getMessage(), null);
        }
    }

    private boolean hasFunction(String fn) {
        return userFunction.test(fn) || Builtins.NAMES.contains(fn);
    }

    // ---- structure

    private ListNode parseMain() {
        int pos = c.peek().pos();
        List<Node> nodes = new ArrayList<>();
        while (c.peek().type() != TokenType.EOF) {
            if (c.peek().type() == TokenType.LEFT_DELIM) {
                int mark = c.mark();
                c.next();
                if (c.nextNonSpace().type() == TokenType.DEFINE) {
                    parseDefinition();
                    continue;
                }
                c.reset(mark);
            }
            Node n = textOrAction();
            if (n instanceof EndNode) {
                throw c.errorf("unexpected " + n);
            }
            if (n != null) {
                nodes.add(n);
            }
        }
        return new ListNode(pos, Node.array(nodes));
    }

    private void parseDefinition() {
        String context = "define clause";
        Token t = c.nextNonSpace();
        if (t.type() != TokenType.STRING && t.type() != TokenType.RAW_STRING) {
            throw c.unexpected(t, context);
        }
        String defName = unquote(t.val());
        c.expect(TokenType.RIGHT_DELIM, context);
        List<String> savedVars = vars;
        int savedDepth = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        Node[] end = new Node[1];
        ListNode body = itemList(end);
        if (!(end[0] instanceof EndNode e) || e.isElse()) {
            throw c.errorf("unexpected " + end[0] + " in " + context);
        }
        vars = savedVars;
        rangeDepth = savedDepth;
        add(defName, body);
    }

    private void add(String treeName, ListNode root) {
        ListNode existing = treeSet.get(treeName);
        if (existing == null || isEmptyTree(existing)) {
            treeSet.put(treeName, root);
            return;
        }
        if (!isEmptyTree(root)) {
            throw c.errorf("template: multiple definition of template " + GoQuote.quote(treeName));
        }
    }

    private static boolean isEmptyTree(Node n) {
        if (n instanceof ListNode l) {
            for (Node c : l.nodes()) {
                if (!isEmptyTree(c)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof Node.TextNode t) {
            return t.text().chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85);
        }
        return false;
    }

    /** Parses items until {end} or {else}, which is returned in {@code end[0]}. */
    private ListNode itemList(Node[] end) {
        int pos = c.peekNonSpace().pos();
        List<Node> nodes = new ArrayList<>();
        while (c.peekNonSpace().type() != TokenType.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode) {
                end[0] = n;
                return new ListNode(pos, Node.array(nodes));
            }
            if (n != null) {
                nodes.add(n);
            }
        }
        throw c.errorf("unexpected EOF");
    }

    private Node textOrAction() {
        Token t = c.nextNonSpace();
        switch (t.type()) {
            case TEXT:
                return new Node.TextNode(t.pos(), t.val());
            case LEFT_DELIM:
                return action();
            case COMMENT:
                return null;
            default:
                throw c.unexpected(t, "input");
        }
    }

    private Node action() {
        Token t = c.nextNonSpace();
        switch (t.type()) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return loopControl(t, "{{break}}", true);
            case CONTINUE:
                return loopControl(t, "{{continue}}", false);
            case ELSE:
                return elseControl();
            case END:
                return new EndNode(c.expect(TokenType.RIGHT_DELIM, "end").pos(), t.line(), false);
            case IF:
                return control(Node.Branch.IF, true, "if");
            case RANGE:
                return control(Node.Branch.RANGE, false, "range");
            case TEMPLATE:
                return templateControl();
            case WITH:
                return control(Node.Branch.WITH, false, "with");
            default:
                c.backup();
                Token p = c.peek();
                PipeNode pipe = new PipelineParser(this).pipeline("command", TokenType.RIGHT_DELIM);
                return new ActionNode(p.pos(), p.line(), pipe);
        }
    }

    private Node loopControl(Token t, String context, boolean isBreak) {
        Token n = c.nextNonSpace();
        if (n.type() != TokenType.RIGHT_DELIM) {
            throw c.unexpected(n, context);
        }
        if (rangeDepth == 0) {
            throw c.errorf(context + " outside {{range}}");
        }
        return isBreak ? new Node.BreakNode(t.pos(), t.line()) : new Node.ContinueNode(t.pos(), t.line());
    }

    private Node elseControl() {
        Token p = c.peekNonSpace();
        if (p.type() == TokenType.IF) {
            return new EndNode(p.pos(), p.line(), true);
        }
        Token t = c.expect(TokenType.RIGHT_DELIM, "else");
        return new EndNode(t.pos(), t.line(), true);
    }

    private BranchNode control(Node.Branch kind, boolean allowElseIf, String context) {
        int mark = vars.size();
        try {
            PipeNode pipe = new PipelineParser(this).pipeline(context, TokenType.RIGHT_DELIM);
            if (kind == Node.Branch.RANGE) {
                rangeDepth++;
            }
            Node[] end = new Node[1];
            ListNode list = itemList(end);
            if (kind == Node.Branch.RANGE) {
                rangeDepth--;
            }
            ListNode elseList = null;
            if (((EndNode) end[0]).isElse()) {
                if (allowElseIf && c.peek().type() == TokenType.IF) {
                    c.next();
                    elseList = new ListNode(end[0].pos(), new Node[] {control(Node.Branch.IF, true, "if")});
                } else {
                    elseList = itemList(end);
                    if (((EndNode) end[0]).isElse()) {
                        throw c.errorf("expected end; found " + end[0]);
                    }
                }
            }
            return new BranchNode(kind, pipe.pos(), pipe.line(), pipe, list, elseList);
        } finally {
            while (vars.size() > mark) {
                vars.remove(vars.size() - 1);
            }
        }
    }

    private Node blockControl() {
        String context = "block clause";
        Token t = c.nextNonSpace();
        String blockName = templateName(t, context);
        PipeNode pipe = new PipelineParser(this).pipeline(context, TokenType.RIGHT_DELIM);
        List<String> savedVars = vars;
        int savedDepth = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        Node[] end = new Node[1];
        ListNode body = itemList(end);
        if (((EndNode) end[0]).isElse()) {
            throw c.errorf("unexpected " + end[0] + " in " + context);
        }
        vars = savedVars;
        rangeDepth = savedDepth;
        add(blockName, body);
        return new Node.TemplateNode(t.pos(), t.line(), blockName, pipe);
    }

    private Node templateControl() {
        String context = "template clause";
        Token t = c.nextNonSpace();
        String tmplName = templateName(t, context);
        PipeNode pipe = null;
        if (c.nextNonSpace().type() != TokenType.RIGHT_DELIM) {
            c.backup();
            pipe = new PipelineParser(this).pipeline(context, TokenType.RIGHT_DELIM);
        }
        return new Node.TemplateNode(t.pos(), t.line(), tmplName, pipe);
    }

    private String templateName(Token t, String context) {
        if (t.type() == TokenType.STRING || t.type() == TokenType.RAW_STRING) {
            return unquote(t.val());
        }
        throw c.unexpected(t, context);
    }

    String unquote(String quoted) {
        try {
            return GoQuote.unquote(quoted);
        } catch (IllegalArgumentException e) {
            throw c.errorf(e.getMessage());
        }
    }

    // ---- for PipelineParser (same package, one parse at a time)

    TokenCursor cursor() {
        return c;
    }

    boolean functionDefined(String fn) {
        return hasFunction(fn);
    }

    List<String> vars() {
        return vars;
    }

    static CommandNode command(int pos, List<Node> args) {
        return new CommandNode(pos, Node.array(args));
    }

    static VariableNode variable(int pos, String ident) {
        return new VariableNode(pos, ident.split("\\.", -1));
    }
}
