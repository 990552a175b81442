package org.confdsl.gotemplate.internal;

import java.util.Locale;

/** Go's {@code %#U} of a rune ({@code U+007D '}'}), as the lexer's messages show a bad character. */
final class GoFormatRune {

    private GoFormatRune() {
    }

    static String describe(int r) {
        if (r < 0) {
            return "U+FFFFFFFFFFFFFFFF";
        }
        String hex = String.format(Locale.ROOT, "U+%04X", r);
        return GoQuote.isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
    }
}
