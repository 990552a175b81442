package org.confdsl.gotemplate.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lexer's cursor over the template text: position, the start of the pending token, rune-wise
 * next/peek/backup, the emitted tokens with their lines, and the delimiter tests the states share.
 */
abstract class LexerInput {

    static final String LEFT = "{{";
    static final String RIGHT = "}}";
    static final int EOF = -1;

    /** One state of the lexer: scans what it knows and returns the next state (null: done). */
    @FunctionalInterface
    interface State {
        State next();
    }

    final String input;
    final List<Token> tokens = new ArrayList<>();
    int start;
    int pos;
    private final int[] lineStarts;

    LexerInput(String input) {
        this.input = input;
        this.lineStarts = lineStarts(input);
    }

    static int[] lineStarts(String s) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = i + 1;
        }
        return Arrays.copyOf(starts, n);
    }

    int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    void emit(TokenType type) {
        tokens.add(new Token(type, start, input.substring(start, pos), lineOf(start)));
        start = pos;
    }

    void ignore() {
        start = pos;
    }

    State errorf(String message) {
        tokens.add(new Token(TokenType.ERROR, start, message, lineOf(start)));
        return null;
    }

    int next() {
        if (pos >= input.length()) {
            pos = input.length() + 1; // so that backup() after EOF is harmless
            return EOF;
        }
        int cp = input.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    int peek() {
        return pos >= input.length() ? EOF : input.codePointAt(pos);
    }

    void backup() {
        if (pos > input.length()) {
            pos = input.length();
        } else if (pos > 0) {
            pos -= Character.isLowSurrogate(input.charAt(pos - 1)) && pos > 1 ? 2 : 1;
        }
    }

    boolean accept(String valid) {
        int cp = next();
        if (cp != EOF && valid.indexOf(cp) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    void acceptRun(String valid) {
        while (accept(valid)) {
            // absorb
        }
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isAlphaNumeric(int c) {
        return c == '_' || Character.isLetter(c) || Character.isDigit(c);
    }

    boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    boolean hasRightTrimMarker(int at) {
        return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    /** 0: not at a right delimiter; 1: at one; 2: at one with a trim marker. */
    int atRightDelim() {
        if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
            return 2;
        }
        return input.startsWith(RIGHT, pos) ? 1 : 0;
    }
}
