package org.confdsl.confd.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How go-yaml v2 (the YAML library of confd's file backend, YAML 1.1 rules) types a plain scalar,
 * and how confd's {@code nodeWalk} then writes it as a value: {@code yes}/{@code on}/{@code y} are
 * {@code true}, {@code 0644} is {@code 420} (octal), {@code 0x1F} is {@code 31}, {@code 1.10} is
 * {@code 1.1}, {@code 1e3} is {@code 1000}, {@code ~}/{@code null}/empty are dropped (no key), a
 * timestamp keeps its text, an integer beyond int64 is dropped (confd has no case for uint64).
 * Quoted scalars are never typed.
 */
public final class GoYamlScalar {

    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern GO_FLOAT = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private GoYamlScalar() {
    }

    /**
     * The value confd stores for a plain (unquoted, untagged) scalar, or empty when confd stores no key.
     */
    public static Optional<String> plain(String in) {
        if (NULL.contains(in)) {
            return Optional.empty();
        }
        if (TRUE.contains(in)) {
            return Optional.of("true");
        }
        if (FALSE.contains(in)) {
            return Optional.of("false");
        }
        switch (in) {
            case ".nan", ".NaN", ".NAN":
                return Optional.of("NaN");
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Optional.of("+Inf");
            case "-.inf", "-.Inf", "-.INF":
                return Optional.of("-Inf");
            default:
                break;
        }
        char first = in.charAt(0);
        if (first == '.') {
            return goFloat(in).map(GoYamlScalar::formatFloat).or(() -> Optional.of(in));
        }
        if (!(first == '+' || first == '-' || (first >= '0' && first <= '9'))) {
            return Optional.of(in);
        }
        String plain = in.replace("_", "");
        Optional<BigInteger> integer = goParseInt(plain);
        if (integer.isPresent()) {
            BigInteger v = integer.get();
            if (v.compareTo(INT64_MIN) >= 0 && v.compareTo(INT64_MAX) <= 0) {
                return Optional.of(v.toString());
            }
            if (v.signum() > 0 && v.bitLength() <= 64 && !plain.startsWith("+")) {
                return Optional.empty(); // a uint64: confd's nodeWalk has no case for it
            }
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            return goFloat(plain).map(GoYamlScalar::formatFloat);
        }
        if (plain.startsWith("0b") || plain.startsWith("-0b")) {
            boolean negative = plain.startsWith("-");
            try {
                BigInteger v = new BigInteger(plain.substring(negative ? 3 : 2), 2);
                return Optional.of((negative ? v.negate() : v).toString());
            } catch (NumberFormatException e) {
                return Optional.of(in);
            }
        }
        return Optional.of(in);
    }

    /** Whether go-yaml v2 reads the plain scalar {@code in} as a string (not null, bool, int or float). */
    public static boolean isText(String in) {
        if (NULL.contains(in) || TRUE.contains(in) || FALSE.contains(in) || in.startsWith(".")
                && (in.equalsIgnoreCase(".nan") || in.equalsIgnoreCase(".inf") || goFloat(in).isPresent())) {
            return false;
        }
        char first = in.charAt(0);
        if (!(first == '+' || first == '-' || (first >= '0' && first <= '9'))) {
            return true;
        }
        String plain = in.replace("_", "");
        if (goParseInt(plain).isPresent() || YAML_FLOAT.matcher(plain).matches()) {
            return false;
        }
        return !plain.matches("-?0b[01]+") && !in.matches("[+-]\\.(inf|Inf|INF)");
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} syntax (without the range check): sign, then 0x, 0o, 0b, 0 or decimal. */
    static Optional<BigInteger> goParseInt(String s) {
        String body = s;
        boolean negative = false;
        if (body.startsWith("+") || body.startsWith("-")) {
            negative = body.charAt(0) == '-';
            body = body.substring(1);
        }
        int radix = 10;
        if (body.length() > 2 && body.charAt(0) == '0' && "xXoObB".indexOf(body.charAt(1)) >= 0) {
            char r = Character.toLowerCase(body.charAt(1));
            radix = r == 'x' ? 16 : r == 'o' ? 8 : 2;
            body = body.substring(2);
        } else if (body.length() > 1 && body.charAt(0) == '0') {
            radix = 8;
            body = body.substring(1);
        }
        if (body.isEmpty() || body.startsWith("+") || body.startsWith("-")) {
            return Optional.empty();
        }
        try {
            BigInteger v = new BigInteger(body, radix);
            return Optional.of(negative ? v.negate() : v);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> goFloat(String s) {
        if (!GO_FLOAT.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Go's {@code strconv.FormatFloat(f, 'f', -1, 64)}: no exponent, the fewest digits that read back the same. */
    static String formatFloat(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return 1 / f < 0 ? "-0" : "0";
        }
        String plain = new BigDecimal(Double.toString(f)).stripTrailingZeros().toPlainString();
        return plain;
    }
}
