package org.confdsl.gotemplate.internal;

/**
 * One token of a template.
 *
 * @param type what it is
 * @param pos its offset in the template text
 * @param val its text (for an error token: the message)
 * @param line the line it starts on, from 1
 */
public record Token(TokenType type, int pos, String val, int line) {

    /** Go's {@code item.String()}, as parse errors quote tokens ({@code unexpected "}" in operand}). */
    @Override
    public String toString() {
        if (type == TokenType.EOF) {
            return "EOF";
        }
        if (type == TokenType.ERROR) {
            return val;
        }
        if (type.isKeyword()) {
            return "<" + val + ">";
        }
        if (val.codePointCount(0, val.length()) > 10) {
            return GoQuote.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
        }
        return GoQuote.quote(val);
    }
}
