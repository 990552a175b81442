package org.confdsl.gotemplate.internal;

import java.math.BigInteger;

/**
 * Number constants as Go's parser reads them ({@code 0x1F}, {@code 0o17}, {@code 1_000}, {@code 1e3},
 * {@code 'a'}) and the value each has when a template uses it: an int (Long) unless the text looks
 * like a float ({@code .eEpP} outside a hex integer), then a float64 (Double).
 */
final class Numbers {

    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Numbers() {
    }

    static Node.NumberNode parse(Token t, TokenCursor p) {
        String text = t.val();
        if (t.type() == TokenType.CHAR_CONSTANT) {
            String r;
            try {
                r = GoQuote.unquote(text);
            } catch (IllegalArgumentException e) {
                throw p.errorf(e.getMessage());
            }
            return new Node.NumberNode(t.pos(), text, (long) r.codePointAt(0), null);
        }
        if (t.type() == TokenType.COMPLEX || text.endsWith("i")) {
            return new Node.NumberNode(t.pos(), text, null, "complex constants are not supported: " + text);
        }
        BigInteger integer = parseInteger(text);
        if (integer != null) {
            boolean floatLooking = !isHexInt(text) && text.chars().anyMatch(c -> ".eEpP".indexOf(c) >= 0);
            if (floatLooking) {
                return new Node.NumberNode(t.pos(), text, integer.doubleValue(), null);
            }
            if (integer.bitLength() < 64) {
                return new Node.NumberNode(t.pos(), text, integer.longValue(), null);
            }
            if (integer.signum() > 0 && integer.compareTo(MAX_UINT64) <= 0) {
                return new Node.NumberNode(t.pos(), text, null, text + " overflows int");
            }
        }
        Double f = parseFloat(text);
        if (f != null) {
            if (text.chars().noneMatch(c -> ".eEpP".indexOf(c) >= 0)) {
                throw p.errorf("integer overflow: " + GoQuote.quote(text));
            }
            return new Node.NumberNode(t.pos(), text, f, null);
        }
        throw p.errorf("illegal number syntax: " + GoQuote.quote(text));
    }

    private static boolean isHexInt(String s) {
        return s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
                && s.indexOf('p') < 0 && s.indexOf('P') < 0;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} base rules, unbounded; null when not an integer. */
    private static BigInteger parseInteger(String s) {
        int i = 0;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        int radix = 10;
        boolean prefixed = false;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char b = Character.toLowerCase(body.charAt(1));
            if (b == 'x' || b == 'o' || b == 'b') {
                radix = b == 'x' ? 16 : b == 'o' ? 8 : 2;
                body = body.substring(2);
                prefixed = true;
            } else {
                radix = 8;
                body = body.substring(1);
                prefixed = true;
            }
        }
        if (!underscoresOk(body, prefixed)) {
            return null;
        }
        String digits = body.replace("_", "");
        if (digits.isEmpty()) {
            return radix == 8 && !s.contains("o") && !s.contains("O") ? BigInteger.ZERO : null;
        }
        try {
            BigInteger v = new BigInteger(digits, radix);
            return neg ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean underscoresOk(String body, boolean prefixed) {
        if (body.isEmpty()) {
            return true;
        }
        if (body.startsWith("_") && !prefixed || body.endsWith("_") || body.contains("__")) {
            return false;
        }
        return true;
    }

    private static Double parseFloat(String s) {
        String t = s.replace("_", "");
        if (t.isEmpty() || t.contains("__")) {
            return null;
        }
        try {
            String lower = t.toLowerCase(java.util.Locale.ROOT);
            if (lower.matches("[+-]?0x[0-9a-f]*\\.?[0-9a-f]*p[+-]?[0-9]+")) {
                return Double.parseDouble(t);
            }
            if (!lower.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
                return null;
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
