package par.interp;

import java.math.BigDecimal;
import java.math.BigInteger;

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
            return parseInt((String) v, (int) Values.toLong(a[1], "int() base"));
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

    private static Object parseInt(String text, int base) {
        String s = text.strip().replace("_", "");
        try {
            if (s.startsWith("+")) {
                s = s.substring(1);
            }
            return Literals.normalize(new BigInteger(s, base));
        } catch (NumberFormatException e) {
            throw new ParError("invalid int: " + Repr.repr(text));
        }
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
            String s = ((String) v).strip().toLowerCase().replace("_", "");
            switch (s) {
                case "inf": case "+inf": case "infinity": return Double.POSITIVE_INFINITY;
                case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
                case "nan": case "+nan": case "-nan": return Double.NaN;
                default: break;
            }
            if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                return Double.parseDouble(s);
            }
            throw new ParError("invalid float: " + Repr.repr(v));
        }
        throw new ParError("float() cannot convert " + Values.aType(v));
    }
}
