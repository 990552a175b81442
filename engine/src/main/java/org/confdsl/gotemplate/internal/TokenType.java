package org.confdsl.gotemplate.internal;

/** The kinds of token the lexer emits (Go's {@code itemType}); those after {@link #KEYWORD} are keywords. */
public enum TokenType {
    ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER,
    LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT,
    VARIABLE,
    KEYWORD,
    BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

    boolean isKeyword() {
        return ordinal() > KEYWORD.ordinal();
    }
}
