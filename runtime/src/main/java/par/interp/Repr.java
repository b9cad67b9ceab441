package par.interp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How values look when printed: {@link #str} is what {@code print} and {@code str()} show,
 * {@link #repr} is the quoted form used inside lists and maps and by the REPL. Both follow
 * Python's rules exactly, floats included ({@code 0.1}, {@code 1e+16}, {@code 3.0}, {@code inf}).
 */
public final class Repr {
    private Repr() {
    }

    public static String str(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        return repr(v);
    }

    public static String repr(Object v) {
        StringBuilder out = new StringBuilder();
        repr(v, out, new IdentityHashMap<>());
        return out.toString();
    }

    private static void repr(Object v, StringBuilder out, Map<Object, Boolean> open) {
        if (v instanceof String) {
            quote((String) v, out);
        } else if (v instanceof ParList) {
            if (open.put(v, Boolean.TRUE) != null) {
                out.append("[...]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : ((ParList) v).items) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                repr(item, out, open);
            }
            out.append(']');
            open.remove(v);
        } else if (v instanceof ParMap) {
            if (open.put(v, Boolean.TRUE) != null) {
                out.append("{...}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<Object, Object> e : ((ParMap) v).entries.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                repr(((ParMap) v).shown(e.getKey()), out, open);
                out.append(": ");
                repr(e.getValue(), out, open);
            }
            out.append('}');
            open.remove(v);
        } else {
            out.append(simple(v));
        }
    }

    private static String simple(Object v) {
        if (v instanceof Double) {
            return formatFloat((Double) v);
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "true" : "false";
        }
        if (v instanceof Range) {
            Range r = (Range) v;
            return "range(" + r.start + ", " + r.stop + (r.step == 1 ? "" : ", " + r.step) + ")";
        }
        return String.valueOf(v);
    }

    /**
     * Python's quoting: single quotes unless the text has a ' and no ", and characters that
     * are not printable escaped as Python escapes them (\xa0 for a no-break space, \\u2028 for U+2028).
     */
    public static void quote(String s, StringBuilder out) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(q);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\n': out.append("\\n"); break;
                case '\t': out.append("\\t"); break;
                case '\r': out.append("\\r"); break;
                case '\\': out.append("\\\\"); break;
                default:
                    if (c == q) {
                        out.append('\\').append(q);
                    } else if (Text.isPrintable(c)) {
                        out.appendCodePoint(c);
                    } else {
                        escape(c, out);
                    }
            }
        }
        out.append(q);
    }

    private static void escape(int c, StringBuilder out) {
        String hex = Integer.toHexString(c);
        int width = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
        out.append(c < 0x100 ? "\\x" : c < 0x10000 ? "\\u" : "\\U").append("0".repeat(width - hex.length())).append(hex);
    }

    /**
     * Python's float repr: the shortest digits that read back as the same double, in fixed
     * notation when the exponent is in [-4, 16), otherwise as {@code 1e+16} / {@code 1.5e-05}.
     */
    public static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(d);
        String digits = shortest.unscaledValue().abs().toString();
        // strip trailing zeros from the digit string (they only move the exponent)
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        int exponent = digits.length() - shortest.scale(); // position of the decimal point
        digits = digits.substring(0, end);
        String sign = d < 0 ? "-" : "";
        if (exponent > -4 && exponent <= 16) {
            return sign + fixed(digits, exponent);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int e = exponent - 1;
        return sign + mantissa + "e" + (e < 0 ? "-" : "+") + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);
    }

    private static String fixed(String digits, int point) {
        if (point <= 0) {
            return "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return digits + "0".repeat(point - digits.length()) + ".0";
        }
        return digits.substring(0, point) + "." + digits.substring(point);
    }

    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
