package org.confdsl.gotemplate.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat(f, fmt, prec, 64)} for {@code 'e'}, {@code 'f'} and {@code 'g'}:
 * the shortest digits that read back as the same double when {@code prec < 0} (so {@code %v} prints
 * {@code 1e+06}, {@code 0.1}, {@code 123456}), correctly rounded digits otherwise.
 */
public final class GoFloat {

    private GoFloat() {
    }

    /** Decimal digits (no leading zeros; "0" for zero) and the position of the decimal point. */
    private record Digits(String d, int dp) {
    }

    /** @return Go's {@code %v} of a float64 */
    public static String formatV(double v) {
        return format(v, 'g', -1);
    }

    /**
     * @param fmt one of {@code e E f g G}
     * @param prec digits after the point ({@code e f}) or significant digits ({@code g}); -1 = shortest
     */
    public static String format(double v, char fmt, int prec) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = v < 0 || (v == 0 && 1 / v < 0);
        double a = Math.abs(v);
        boolean shortest = prec < 0;
        Digits digs;
        char lower = Character.toLowerCase(fmt);
        if (shortest) {
            digs = shortest(a);
        } else if (lower == 'f') {
            digs = fixed(a, prec);
        } else {
            int sig = lower == 'e' ? prec + 1 : Math.max(prec, 1);
            digs = significant(a, sig);
            if (lower == 'g' && prec == 0) {
                prec = 1;
            }
        }
        StringBuilder out = new StringBuilder(24);
        if (neg) {
            out.append('-');
        }
        switch (lower) {
            case 'e' -> fmtE(out, digs, shortest ? digs.d.length() - 1 : prec, fmt);
            case 'f' -> fmtF(out, digs, shortest ? Math.max(digs.d.length() - digs.dp, 0) : prec);
            default -> {
                int eprec = shortest ? 6 : prec;
                if (!shortest && eprec > digs.d.length() && digs.d.length() >= digs.dp) {
                    eprec = digs.d.length();
                }
                int exp = digs.dp - 1;
                if (digs.d.equals("0")) {
                    exp = 0;
                }
                int p = shortest ? digs.d.length() : prec;
                if (exp < -4 || exp >= eprec) {
                    if (p > digs.d.length()) {
                        p = digs.d.length();
                    }
                    fmtE(out, digs, p - 1, fmt == 'G' ? 'E' : 'e');
                } else {
                    if (p > digs.dp) {
                        p = digs.d.length();
                    }
                    fmtF(out, digs, Math.max(p - digs.dp, 0));
                }
            }
        }
        return out.toString();
    }

    /**
     * {@code strconv}'s {@code 'b'} ({@code 7318349394477056p-51}) and {@code 'x'}/{@code 'X'}
     * ({@code 0x1.ap+01}) formats; {@code prec} hex digits after the point for {@code x}, -1 = as few as exact.
     */
    public static String binary(double v, char fmt, int prec) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return format(v, 'g', -1);
        }
        long bits = Double.doubleToRawLongBits(v);
        String sign = bits < 0 ? "-" : "";
        int e = (int) ((bits >>> 52) & 0x7FF);
        long mant = bits & ((1L << 52) - 1);
        if (e == 0) {
            e = 1;
        } else {
            mant |= 1L << 52;
        }
        e -= 1075;
        if (fmt == 'b') {
            return sign + mant + "p" + (e >= 0 ? "+" : "") + e;
        }
        if (mant == 0) {
            e = 0;
        } else {
            while ((mant & (1L << 52)) == 0) {
                mant <<= 1;
                e--;
            }
            e += 52;
        }
        String frac = String.format("%013x", mant & ((1L << 52) - 1));
        if (prec < 0) {
            int end = frac.length();
            while (end > 0 && frac.charAt(end - 1) == '0') {
                end--;
            }
            frac = frac.substring(0, end);
        } else if (prec < 13) {
            long full = mant;
            int drop = (13 - prec) * 4;
            long half = 1L << (drop - 1);
            long rem = full & ((1L << drop) - 1);
            full >>>= drop;
            if (rem > half || rem == half && (full & 1) == 1) {
                full++;
            }
            if (full >>> (prec * 4) >= 2) {
                full >>>= 1;
                e++;
            }
            frac = prec == 0 ? "" : String.format("%0" + prec + "x", full & ((1L << (prec * 4)) - 1));
        } else {
            frac = frac + "0".repeat(prec - 13);
        }
        String lead = mant == 0 ? "0" : "1";
        String out = sign + "0x" + lead + (frac.isEmpty() ? "" : "." + frac) + "p" + (e >= 0 ? "+" : "-")
                + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);
        return fmt == 'X' ? out.toUpperCase(java.util.Locale.ROOT) : out;
    }

    private static Digits shortest(double a) {
        if (a == 0) {
            return new Digits("0", 1);
        }
        if (a < 1e15 && a == Math.rint(a)) {
            return strip(Long.toString((long) a), Long.toString((long) a).length());
        }
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == a) {
                return of(r);
            }
        }
        return of(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    private static Digits significant(double a, int sig) {
        if (a == 0) {
            return new Digits("0", 1);
        }
        return of(new BigDecimal(a).round(new MathContext(sig, RoundingMode.HALF_EVEN)));
    }

    private static Digits fixed(double a, int prec) {
        BigDecimal r = new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN);
        if (r.signum() == 0) {
            return new Digits("0", 1);
        }
        return of(r);
    }

    private static Digits of(BigDecimal r) {
        String unscaled = r.unscaledValue().abs().toString();
        int dp = unscaled.length() - r.scale();
        return strip(unscaled, dp);
    }

    private static Digits strip(String d, int dp) {
        int end = d.length();
        while (end > 1 && d.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(d.substring(0, end), dp);
    }

    private static char digitAt(Digits digs, int i) {
        return i >= 0 && i < digs.d.length() ? digs.d.charAt(i) : '0';
    }

    private static void fmtE(StringBuilder out, Digits digs, int prec, char fmt) {
        boolean zero = digs.d.equals("0");
        out.append(digs.d.charAt(0));
        if (prec > 0) {
            out.append('.');
            for (int i = 1; i <= prec; i++) {
                out.append(digitAt(digs, i));
            }
        }
        out.append(fmt == 'E' ? 'E' : 'e');
        int exp = zero ? 0 : digs.dp - 1;
        out.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        out.append(exp);
    }

    private static void fmtF(StringBuilder out, Digits digs, int prec) {
        boolean zero = digs.d.equals("0");
        if (zero || digs.dp <= 0) {
            out.append('0');
        } else {
            for (int i = 0; i < digs.dp; i++) {
                out.append(digitAt(digs, i));
            }
        }
        if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                int j = digs.dp + i;
                out.append(zero ? '0' : digitAt(digs, j));
            }
        }
    }
}
