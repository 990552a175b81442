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
    private List<Token> tokens;
    private int index;
    private int furthest;
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
        tokens = Lexer.lex(text, !hasFunction("break"), !hasFunction("continue"));
        try {
            ListNode root = parseMain();
            add(name, root);
            return treeSet;
        } catch (ParseError e) {
            throw new GoTemplateException(GoTemplateException.Phase.PARSE, e.getMessage(), null);
        }
    }

    private static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    private boolean hasFunction(String fn) {
        return userFunction.test(fn) || Builtins.NAMES.contains(fn);
    }

    // ---- token access

    private Token next() {
        int at = Math.min(index, tokens.size() - 1);
        Token t = tokens.get(at);
        if (at > furthest) {
            furthest = at;
        }
        index++;
        return t;
    }

    private void backup() {
        index--;
    }

    private Token peek() {
        Token t = next();
        backup();
        return t;
    }

    private Token nextNonSpace() {
        Token t;
        do {
            t = next();
        } while (t.type() == TokenType.SPACE);
        return t;
    }

    private Token peekNonSpace() {
        Token t = nextNonSpace();
        backup();
        return t;
    }

    private ParseError errorf(String message) {
        int line = tokens.get(Math.min(furthest, tokens.size() - 1)).line();
        throw new ParseError("template: " + name + ":" + line + ": " + message);
    }

    private ParseError unexpected(Token token, String context) {
        if (token.type() == TokenType.ERROR) {
            throw errorf(token.val());
        }
        throw errorf("unexpected " + token + " in " + context);
    }

    private Token expect(TokenType expected, String context) {
        Token t = nextNonSpace();
        if (t.type() != expected) {
            throw unexpected(t, context);
        }
        return t;
    }

    // ---- structure

    private ListNode parseMain() {
        int pos = peek().pos();
        List<Node> nodes = new ArrayList<>();
        while (peek().type() != TokenType.EOF) {
            if (peek().type() == TokenType.LEFT_DELIM) {
                int mark = index;
                next();
                if (nextNonSpace().type() == TokenType.DEFINE) {
                    parseDefinition();
                    continue;
                }
                index = mark;
            }
            Node n = textOrAction();
            if (n instanceof EndNode) {
                throw errorf("unexpected " + n);
            }
            if (n != null) {
                nodes.add(n);
            }
        }
        return new ListNode(pos, Node.array(nodes));
    }

    private void parseDefinition() {
        String context = "define clause";
        Token t = nextNonSpace();
        if (t.type() != TokenType.STRING && t.type() != TokenType.RAW_STRING) {
            throw unexpected(t, context);
        }
        String defName = unquote(t.val());
        expect(TokenType.RIGHT_DELIM, context);
        List<String> savedVars = vars;
        int savedDepth = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        Node[] end = new Node[1];
        ListNode body = itemList(end);
        if (!(end[0] instanceof EndNode e) || e.isElse()) {
            throw errorf("unexpected " + end[0] + " in " + context);
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
            throw errorf("template: multiple definition of template " + GoQuote.quote(treeName));
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
        int pos = peekNonSpace().pos();
        List<Node> nodes = new ArrayList<>();
        while (peekNonSpace().type() != TokenType.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode) {
                end[0] = n;
                return new ListNode(pos, Node.array(nodes));
            }
            if (n != null) {
                nodes.add(n);
            }
        }
        throw errorf("unexpected EOF");
    }

    private Node textOrAction() {
        Token t = nextNonSpace();
        switch (t.type()) {
            case TEXT:
                return new Node.TextNode(t.pos(), t.val());
            case LEFT_DELIM:
                return action();
            case COMMENT:
                return null;
            default:
                throw unexpected(t, "input");
        }
    }

    private Node action() {
        Token t = nextNonSpace();
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
                return new EndNode(expect(TokenType.RIGHT_DELIM, "end").pos(), t.line(), false);
            case IF:
                return control(Node.Branch.IF, true, "if");
            case RANGE:
                return control(Node.Branch.RANGE, false, "range");
            case TEMPLATE:
                return templateControl();
            case WITH:
                return control(Node.Branch.WITH, false, "with");
            default:
                backup();
                Token p = peek();
                PipeNode pipe = new PipelineParser(this).pipeline("command", TokenType.RIGHT_DELIM);
                return new ActionNode(p.pos(), p.line(), pipe);
        }
    }

    private Node loopControl(Token t, String context, boolean isBreak) {
        Token n = nextNonSpace();
        if (n.type() != TokenType.RIGHT_DELIM) {
            throw unexpected(n, context);
        }
        if (rangeDepth == 0) {
            throw errorf(context + " outside {{range}}");
        }
        return isBreak ? new Node.BreakNode(t.pos(), t.line()) : new Node.ContinueNode(t.pos(), t.line());
    }

    private Node elseControl() {
        Token p = peekNonSpace();
        if (p.type() == TokenType.IF) {
            return new EndNode(p.pos(), p.line(), true);
        }
        Token t = expect(TokenType.RIGHT_DELIM, "else");
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
                if (allowElseIf && peek().type() == TokenType.IF) {
                    next();
                    elseList = new ListNode(end[0].pos(), new Node[] {control(Node.Branch.IF, true, "if")});
                } else {
                    elseList = itemList(end);
                    if (((EndNode) end[0]).isElse()) {
                        throw errorf("expected end; found " + end[0]);
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
        Token t = nextNonSpace();
        String blockName = templateName(t, context);
        PipeNode pipe = new PipelineParser(this).pipeline(context, TokenType.RIGHT_DELIM);
        List<String> savedVars = vars;
        int savedDepth = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        Node[] end = new Node[1];
        ListNode body = itemList(end);
        if (((EndNode) end[0]).isElse()) {
            throw errorf("unexpected " + end[0] + " in " + context);
        }
        vars = savedVars;
        rangeDepth = savedDepth;
        add(blockName, body);
        return new Node.TemplateNode(t.pos(), t.line(), blockName, pipe);
    }

    private Node templateControl() {
        String context = "template clause";
        Token t = nextNonSpace();
        String tmplName = templateName(t, context);
        PipeNode pipe = null;
        if (nextNonSpace().type() != TokenType.RIGHT_DELIM) {
            backup();
            pipe = new PipelineParser(this).pipeline(context, TokenType.RIGHT_DELIM);
        }
        return new Node.TemplateNode(t.pos(), t.line(), tmplName, pipe);
    }

    private String templateName(Token t, String context) {
        if (t.type() == TokenType.STRING || t.type() == TokenType.RAW_STRING) {
            return unquote(t.val());
        }
        throw unexpected(t, context);
    }

    String unquote(String quoted) {
        try {
            return GoQuote.unquote(quoted);
        } catch (IllegalArgumentException e) {
            throw errorf(e.getMessage());
        }
    }

    // ---- access for PipelineParser (same package, one parse at a time)

    Token nextToken() {
        return next();
    }

    void backupToken() {
        backup();
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }

    Token peekToken() {
        return peek();
    }

    Token nextNonSpaceToken() {
        return nextNonSpace();
    }

    Token peekNonSpaceToken() {
        return peekNonSpace();
    }

    RuntimeException error(String message) {
        return errorf(message);
    }

    RuntimeException unexpectedToken(Token t, String context) {
        return unexpected(t, context);
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
