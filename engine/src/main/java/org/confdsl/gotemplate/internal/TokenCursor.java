package org.confdsl.gotemplate.internal;

import java.util.List;

/**
 * The parser's position in the token list, with Go's look-ahead and error helpers. Error lines are
 * those of the furthest token read, as Go's parser reports them.
 */
final class TokenCursor {

    /** A parse error already worded as Go words it. */
    static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    private final String name;
    private final List<Token> tokens;
    private int index;
    private int furthest;

    TokenCursor(String name, List<Token> tokens) {
        this.name = name;
        this.tokens = tokens;
    }

    Token next() {
        int at = Math.min(index, tokens.size() - 1);
        Token t = tokens.get(at);
        if (at > furthest) {
            furthest = at;
        }
        index++;
        return t;
    }

    void backup() {
        index--;
    }

    Token peek() {
        Token t = next();
        backup();
        return t;
    }

    Token nextNonSpace() {
        Token t;
        do {
            t = next();
        } while (t.type() == TokenType.SPACE);
        return t;
    }

    Token peekNonSpace() {
        Token t = nextNonSpace();
        backup();
        return t;
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }

    /** Throws (the return type lets callers write {@code throw c.errorf(...)}). */
    ParseError errorf(String message) {
        int line = tokens.get(Math.min(furthest, tokens.size() - 1)).line();
        throw new ParseError("template: " + name + ":" + line + ": " + message);
    }

    ParseError unexpected(Token token, String context) {
        if (token.type() == TokenType.ERROR) {
            throw errorf(token.val());
        }
        throw errorf("unexpected " + token + " in " + context);
    }

    Token expect(TokenType expected, String context) {
        Token t = nextNonSpace();
        if (t.type() != expected) {
            throw unexpected(t, context);
        }
        return t;
    }
}
