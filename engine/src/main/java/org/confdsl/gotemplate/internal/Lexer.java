package org.confdsl.gotemplate.internal;

import java.util.List;
import java.util.Map;

/**
 * Splits a template into tokens with a loop of state functions (Rob Pike's "Lexical Scanning in
 * Go", the design of Go's {@code text/template/parse}): each state scans what it knows and returns
 * the next state. Runs to the end (or the first error, which becomes an {@link TokenType#ERROR}
 * token followed by nothing), so the parser reads a plain list.
 */
public final class Lexer extends LexerInput {

    private static final String LEFT_COMMENT = "/*";
    private static final String RIGHT_COMMENT = "*/";
    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
            Map.entry("block", TokenType.BLOCK), Map.entry("break", TokenType.BREAK),
            Map.entry("continue", TokenType.CONTINUE), Map.entry("define", TokenType.DEFINE),
            Map.entry("else", TokenType.ELSE), Map.entry("end", TokenType.END), Map.entry("if", TokenType.IF),
            Map.entry("range", TokenType.RANGE), Map.entry("nil", TokenType.NIL),
            Map.entry("template", TokenType.TEMPLATE), Map.entry("with", TokenType.WITH));

    private final boolean breakOk;
    private final boolean continueOk;
    private int parenDepth;

    private Lexer(String input, boolean breakOk, boolean continueOk) {
        super(input);
        this.breakOk = breakOk;
        this.continueOk = continueOk;
    }

    /**
     * @param breakOk whether {@code break} is the keyword (false when a function of that name exists)
     * @param continueOk the same for {@code continue}
     * @return every token up to EOF or the first error
     */
    public static List<Token> lex(String input, boolean breakOk, boolean continueOk) {
        Lexer l = new Lexer(input, breakOk, continueOk);
        State state = l::lexText;
        while (state != null) {
            state = state.next();
        }
        return l.tokens;
    }

    private State lexText() {
        int x = input.indexOf(LEFT, pos);
        if (x >= 0) {
            pos = x;
            int trim = 0;
            if (hasLeftTrimMarker(pos + LEFT.length())) {
                int end = pos;
                while (end > start && isSpace(input.charAt(end - 1))) {
                    end--;
                }
                trim = pos - end;
            }
            pos -= trim;
            if (pos > start) {
                emit(TokenType.TEXT);
            }
            pos += trim;
            ignore();
            return this::lexLeftDelim;
        }
        pos = input.length();
        if (pos > start) {
            emit(TokenType.TEXT);
        }
        emit(TokenType.EOF);
        return null;
    }

    private int skipSpaces(int at) {
        while (at < input.length() && isSpace(input.charAt(at))) {
            at++;
        }
        return at;
    }

    private State lexLeftDelim() {
        pos += LEFT.length();
        int afterMarker = hasLeftTrimMarker(pos) ? 2 : 0;
        if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return this::lexComment;
        }
        emit(TokenType.LEFT_DELIM);
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return this::lexInsideAction;
    }

    private State lexComment() {
        pos += LEFT_COMMENT.length();
        int x = input.indexOf(RIGHT_COMMENT, pos);
        if (x < 0) {
            return errorf("unclosed comment");
        }
        pos = x + RIGHT_COMMENT.length();
        int delim = atRightDelim();
        if (delim == 0) {
            return errorf("comment ends before closing delimiter");
        }
        pos += (delim == 2 ? 2 : 0) + RIGHT.length();
        if (delim == 2) {
            pos = skipSpaces(pos);
        }
        ignore();
        return this::lexText;
    }

    private State lexRightDelim() {
        boolean trim = hasRightTrimMarker(pos);
        if (trim) {
            pos += 2;
            ignore();
        }
        pos += RIGHT.length();
        emit(TokenType.RIGHT_DELIM);
        if (trim) {
            pos = skipSpaces(pos);
            ignore();
        }
        return this::lexText;
    }

    private State lexInsideAction() {
        if (atRightDelim() != 0) {
            if (parenDepth == 0) {
                return this::lexRightDelim;
            }
            return errorf("unclosed left paren");
        }
        int r = next();
        if (r == EOF) {
            return errorf("unclosed action");
        } else if (isSpace(r)) {
            backup();
            return this::lexSpace;
        } else if (r == '=') {
            emit(TokenType.ASSIGN);
        } else if (r == ':') {
            if (next() != '=') {
                return errorf("expected :=");
            }
            emit(TokenType.DECLARE);
        } else if (r == '|') {
            emit(TokenType.PIPE);
        } else if (r == '"') {
            return this::lexQuote;
        } else if (r == '`') {
            return this::lexRawQuote;
        } else if (r == '$') {
            return this::lexVariable;
        } else if (r == '\'') {
            return this::lexChar;
        } else if (r == '.' && pos < input.length() && (input.charAt(pos) < '0' || input.charAt(pos) > '9')) {
            return () -> lexFieldOrVariable(TokenType.FIELD);
        } else if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            backup();
            return this::lexNumber;
        } else if (isAlphaNumeric(r)) {
            backup();
            return this::lexIdentifier;
        } else if (r == '(') {
            emit(TokenType.LEFT_PAREN);
            parenDepth++;
        } else if (r == ')') {
            emit(TokenType.RIGHT_PAREN);
            parenDepth--;
            if (parenDepth < 0) {
                return errorf("unexpected right paren U+0029 ')'");
            }
        } else if (r < 0x80 && r >= 0x20 && r != 0x7f) {
            emit(TokenType.CHAR);
        } else {
            return errorf("unrecognized character in action: " + GoFormatRune.describe(r));
        }
        return this::lexInsideAction;
    }

    private State lexSpace() {
        int numSpaces = 0;
        while (pos < input.length() && isSpace(input.charAt(pos))) {
            pos++;
            numSpaces++;
        }
        if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos + 1)) {
            backup();
            if (numSpaces == 1) {
                return this::lexRightDelim;
            }
        }
        emit(TokenType.SPACE);
        return this::lexInsideAction;
    }

    private State lexIdentifier() {
        int r;
        do {
            r = next();
        } while (isAlphaNumeric(r));
        backup();
        String word = input.substring(start, pos);
        if (!atTerminator()) {
            return errorf("bad character " + GoFormatRune.describe(peek()));
        }
        TokenType keyword = KEYWORDS.get(word);
        if (keyword != null) {
            if (keyword == TokenType.BREAK && !breakOk || keyword == TokenType.CONTINUE && !continueOk) {
                emit(TokenType.IDENTIFIER);
            } else {
                emit(keyword);
            }
        } else if (word.equals("true") || word.equals("false")) {
            emit(TokenType.BOOL);
        } else {
            emit(TokenType.IDENTIFIER);
        }
        return this::lexInsideAction;
    }

    private State lexVariable() {
        if (atTerminator()) {
            emit(TokenType.VARIABLE);
            return this::lexInsideAction;
        }
        return lexFieldOrVariable(TokenType.VARIABLE);
    }

    private State lexFieldOrVariable(TokenType type) {
        if (atTerminator()) {
            emit(type == TokenType.VARIABLE ? TokenType.VARIABLE : TokenType.DOT);
            return this::lexInsideAction;
        }
        int r;
        do {
            r = next();
        } while (isAlphaNumeric(r));
        backup();
        if (!atTerminator()) {
            return errorf("bad character " + GoFormatRune.describe(peek()));
        }
        emit(type);
        return this::lexInsideAction;
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        return switch (r) {
            case EOF, '.', ',', '|', ':', ')', '(', '}' -> true;
            default -> false;
        };
    }

    private State lexChar() {
        return lexQuoted('\'', TokenType.CHAR_CONSTANT, "unterminated character constant");
    }

    private State lexNumber() {
        if (!scanNumber()) {
            return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, Math.min(pos, input.length()))));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, Math.min(pos, input.length()))));
            }
            emit(TokenType.COMPLEX);
        } else {
            emit(TokenType.NUMBER);
        }
        return this::lexInsideAction;
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private State lexQuote() {
        return lexQuoted('"', TokenType.STRING, "unterminated quoted string");
    }

    /**
     * Go's lexChar and lexQuote, which differ only in the closing quote: scans to {@code quote}
     * (a backslash escapes the next rune, but not a newline or the end), then emits {@code type}.
     */
    private State lexQuoted(char quote, TokenType type, String unterminated) {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != EOF && r != '\n') {
                    continue;
                }
            }
            if (r == EOF || r == '\n') {
                return errorf(unterminated);
            }
            if (r == quote) {
                break;
            }
        }
        emit(type);
        return this::lexInsideAction;
    }

    private State lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF) {
                return errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                break;
            }
        }
        emit(TokenType.RAW_STRING);
        return this::lexInsideAction;
    }
}
