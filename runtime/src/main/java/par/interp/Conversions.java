package par.interp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

import par.syntax.Literals;

/** {@code int(x)} and {@code float(x)}: from numbers, bools and text, with Python's rules. */
final class Conversions {
    private Conversions() {
    }

    static Object toInt(Object[] a) {
        Object v = a[0];
        if (a.length == 2) {
            if (!(v instanceof String)) {
                throw new ParError("int() with a base needs a string");
            }
            return parseInt((String) v, Ops.isInt(a[1]) ? Ops.big(a[1]).max(BigInteger.valueOf(-1))
                    .min(BigInteger.valueOf(37)).longValue() : Values.toLong(a[1], "int() base"));
        }
        if (Ops.isInt(v)) {
            return v;
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? 1L : 0L;
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ParError("cannot convert " + Repr.formatFloat(d) + " to an int");
            }
            if (Math.abs(d) < 9e18) {
                return (long) d;
            }
            return Literals.normalize(new BigDecimal(d).toBigInteger());
        }
        if (v instanceof String) {
            return parseInt((String) v, 10);
        }
        throw new ParError("int() cannot convert " + Values.aType(v));
    }

    /** Digits, each pair of them maybe parted by one underscore, as Python's int() reads them. */
    private static final Pattern DIGITS = Pattern.compile("[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*");
    private static final Pattern FLOAT =
            Pattern.compile("[+-]?(D\\.?(D)?|\\.D)([eE][+-]?D)?".replace("D", "[0-9](_?[0-9])*"));

    /**
     * Python's int(text, base): a sign, a prefix (0x, 0o, 0b) when the base is 0 or the
     * prefix's own, an underscore after it, and underscores only between digits. Base 0 reads
     * the base from the prefix, and then a decimal number has no leading zero.
     */
    private static Object parseInt(String text, long base) {
        if (base != 0 && (base < 2 || base > 36)) {
            throw new ParError("int() base must be from 2 to 36, or 0");
        }
        String s = Text.strip(text);
        int sign = s.startsWith("-") ? -1 : 1;
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        int prefixed = s.length() > 1 && s.charAt(0) == '0' ? Literals.prefixRadix(s.charAt(1)) : 10;
        if (prefixed != 10 && (base == 0 || base == prefixed)) {
            s = s.substring(s.length() > 2 && s.charAt(2) == '_' ? 3 : 2);
            base = prefixed;
        } else if (base == 0) {
            base = 10;
            if (s.matches("0[0-9_]*") && !s.matches("[0_]*")) {
                throw invalidInt(text);
            }
        }
        if (!DIGITS.matcher(s).matches()) {
            throw invalidInt(text);
        }
        try {
            BigInteger n = new BigInteger(s.replace("_", ""), (int) base);
            return Literals.normalize(sign < 0 ? n.negate() : n);
        } catch (NumberFormatException e) {
            throw invalidInt(text);
        }
    }

    private static ParError invalidInt(String text) {
        return new ParError("invalid int: " + Repr.repr(text));
    }

    static Object toFloat(Object v) {
        if (v instanceof Double) {
            return v;
        }
        if (Ops.isInt(v)) {
            return Ops.toDouble(v);
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? 1.0 : 0.0;
        }
        if (v instanceof String) {
            String s = Text.strip((String) v).toLowerCase();
            switch (s) {
                case "inf": case "+inf": case "infinity": return Double.POSITIVE_INFINITY;
                case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
                case "nan": case "+nan": case "-nan": return Double.NaN;
                default: break;
            }
            if (FLOAT.matcher(s).matches()) {
                return Double.parseDouble(s.replace("_", ""));
            }
            throw new ParError("invalid float: " + Repr.repr(v));
        }
        throw new ParError("float() cannot convert " + Values.aType(v));
    }
}
