package par.interp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's format specs, {@code [[fill]align][sign][z][#][0][width][,|_][.precision][type]},
 * for f-strings, {@code format(value, spec)} and {@code str.format}. Numbers are rounded from
 * their exact binary value, half to even, as CPython does. A value that is neither a number
 * nor a string is formatted as its printed text.
 */
final class Format {
    private static final Pattern SPEC = Pattern.compile(
            "(?:(?<fill>.)?(?<align>[<>=^]))?(?<sign>[-+ ])?(?<z>z)?(?<alt>#)?(?<zero>0)?(?<width>\\d+)?"
                    + "(?<group>[,_])?(?:\\.(?<precision>\\d+))?(?<type>[bcdeEfFgGnosxX%])?", Pattern.DOTALL);

    private Format() {
    }

    /** An f-string's or str.format's conversion: !r gives the repr, !s the str, none the value. */
    static Object convert(Object v, String conversion) {
        if (conversion == null) {
            return v;
        }
        return conversion.equals("r") ? Repr.repr(v) : Repr.str(v);
    }

    /** Python's format(v, spec). */
    static String format(Object v, String spec) {
        if (spec.isEmpty()) {
            return Repr.str(v);
        }
        Spec s = Spec.parse(spec);
        if (Ops.isInt(v) && "eEfFgG%".indexOf(s.type) < 0) {
            return s.integer(Ops.big(v));
        }
        if (Values.isNumber(v)) {
            return s.floating(Ops.toDouble(v));
        }
        return s.text(Repr.str(v));
    }

    /** One parsed spec; type is 0 when none was given. */
    private record Spec(char fill, char align, char sign, boolean z, boolean alt, int width, char group,
            int precision, char type) {
        static Spec parse(String spec) {
            Matcher m = SPEC.matcher(spec);
            if (!m.matches()) {
                throw new ParError("invalid format spec " + Repr.repr(spec));
            }
            boolean zero = m.group("zero") != null;
            char align = first(m.group("align"), zero ? '=' : 0);
            char fill = first(m.group("fill"), zero && m.group("align") == null ? '0' : ' ');
            return new Spec(fill, align, first(m.group("sign"), 0), m.group("z") != null, m.group("alt") != null,
                    number(m.group("width"), 0), first(m.group("group"), 0), number(m.group("precision"), -1),
                    first(m.group("type"), 0));
        }

        private static char first(String s, int otherwise) {
            return s == null ? (char) otherwise : s.charAt(0);
        }

        private static int number(String s, int otherwise) {
            if (s == null) {
                return otherwise;
            }
            if (s.length() > 9) {
                throw new ParError("a format spec's width or precision is too large");
            }
            return Integer.parseInt(s);
        }

        String integer(BigInteger n) {
            if ("bcdnoxX\0".indexOf(type) < 0) {
                throw unknown("an int");
            }
            if (precision >= 0) {
                throw new ParError("precision is not allowed in an int's format spec");
            }
            if (type == 'c') {
                return pad("", new String(Character.toChars(n.intValueExact())), '<');
            }
            int radix = type == 'b' ? 2 : type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
            String digits = group(n.abs().toString(radix), radix == 10 ? 3 : 4);
            String prefix = alt && radix != 10 ? "0" + (type == 'X' ? 'X' : type) : "";
            return pad(sign(n.signum() < 0) + prefix, type == 'X' ? digits.toUpperCase() : digits, '>');
        }

        String floating(double d) {
            if ("eEfFgGn%\0".indexOf(type) < 0) {
                throw unknown("a float");
            }
            boolean negative = d < 0 || d == 0 && 1 / d < 0;
            String body = Double.isNaN(d) || Double.isInfinite(d) ? special(d) : finite(Math.abs(d));
            if (z && negative && body.matches("[0.]*(e[+-]00)?%?")) {
                negative = false; // z: no sign on a zero
            }
            return pad(sign(negative), body, '>');
        }

        private String special(double d) {
            String s = Double.isNaN(d) ? "nan" : "inf";
            return (Character.isUpperCase(type) ? s.toUpperCase() : s) + (type == '%' ? "%" : "");
        }

        private String finite(double a) {
            int p = precision < 0 ? 6 : precision;
            switch (type) {
                case 'f':
                case 'F':
                    return fixed(a, p);
                case '%':
                    return fixed(a * 100, p) + "%";
                case 'e':
                case 'E':
                    String e = scientific(a, p);
                    return type == 'E' ? e.toUpperCase() : e;
                case 'g':
                case 'G':
                case 'n':
                    String g = general(a, Math.max(p, 1), false);
                    return type == 'G' ? g.toUpperCase() : g;
                default:
                    return precision < 0 ? group(Repr.formatFloat(a)) : general(a, Math.max(precision, 1), true);
            }
        }

        private String fixed(double a, int p) {
            String s = new BigDecimal(a).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
            return group(alt && p == 0 ? s + "." : s);
        }

        private String scientific(double a, int p) {
            int exp = 0;
            String digits = "0".repeat(p + 1);
            if (a != 0) {
                BigDecimal r = new BigDecimal(a).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
                exp = r.precision() - r.scale() - 1;
                String unscaled = r.unscaledValue().toString();
                digits = (unscaled + "0".repeat(p + 1)).substring(0, p + 1);
            }
            String mantissa = digits.charAt(0) + (p > 0 || alt ? "." : "") + digits.substring(1);
            return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }

        /**
         * 'g' (and no type with a precision, repr): p significant digits, fixed when the
         * exponent is from -4 up to p (up to p - 1 for repr), trailing zeros dropped unless '#';
         * repr's fixed form keeps one digit after the point, as CPython does.
         */
        private String general(double a, int p, boolean repr) {
            int exp = a == 0 ? 0 : exponent(new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN)));
            boolean isFixed = exp >= -4 && exp < (repr ? p - 1 : p);
            String s = isFixed ? new BigDecimal(a).setScale(p - 1 - exp, RoundingMode.HALF_EVEN).toPlainString()
                    : scientific(a, p - 1);
            if (!alt) {
                s = trimZeros(s);
            }
            if (repr && isFixed && s.indexOf('.') < 0) {
                s += ".0";
            }
            return group(s);
        }

        private static int exponent(BigDecimal r) {
            return r.precision() - r.scale() - 1;
        }

        private static String trimZeros(String s) {
            int e = s.indexOf('e');
            String mantissa = e < 0 ? s : s.substring(0, e);
            if (mantissa.indexOf('.') >= 0) {
                mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return e < 0 ? mantissa : mantissa + s.substring(e);
        }

        String text(String s) {
            if (type != 0 && type != 's') {
                throw unknown("a string");
            }
            if (sign != 0 || alt || z || group != 0 || align == '=') {
                throw new ParError("a string's format spec takes no sign, 'z', '#', grouping or '=' alignment");
            }
            return pad("", precision >= 0 && precision < s.length() ? s.substring(0, precision) : s, '<');
        }

        private String sign(boolean negative) {
            return negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
        }

        /** The digits before the point (or all of them) in groups of size, parted by the grouping character. */
        private String group(String digits, int size) {
            if (group == 0) {
                return digits;
            }
            int end = 0;
            while (end < digits.length() && Character.isLetterOrDigit(digits.charAt(end)) && digits.charAt(end) != 'e') {
                end++;
            }
            StringBuilder out = new StringBuilder(digits.substring(0, end));
            for (int i = end - size; i > 0; i -= size) {
                out.insert(i, group);
            }
            return out + digits.substring(end);
        }

        private String group(String number) {
            return group(number, 3);
        }

        /** sign + body made width wide with the fill, where the alignment says (defaultAlign when none). */
        private String pad(String signPart, String body, char defaultAlign) {
            int pad = width - signPart.length() - body.length();
            if (pad <= 0) {
                return signPart + body;
            }
            String f = String.valueOf(fill);
            switch (align == 0 ? defaultAlign : align) {
                case '<': return signPart + body + f.repeat(pad);
                case '^': return f.repeat(pad / 2) + signPart + body + f.repeat(pad - pad / 2);
                case '=': return signPart + f.repeat(pad) + body;
                default: return f.repeat(pad) + signPart + body;
            }
        }

        private ParError unknown(String kind) {
            return new ParError("unknown format code '" + type + "' for " + kind);
        }
    }

    /**
     * Python's str.format with positional fields: {@code {}} takes the next argument, {@code {1}}
     * the second; each may have {@code !r}/{@code !s} and a spec, which may hold fields itself.
     * {@code {{} and {@code }}} are braces.
     */
    static String template(String template, Object[] args) {
        return new Template(template, args).render(0, template.length());
    }

    /** One str.format call: the template, its arguments and the next automatic field number. */
    private static final class Template {
        private final String text;
        private final Object[] args;
        private int next;
        private boolean numbered;

        Template(String text, Object[] args) {
            this.text = text;
            this.args = args;
        }

        String render(int from, int to) {
            StringBuilder out = new StringBuilder();
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                boolean doubled = i + 1 < to && text.charAt(i + 1) == c;
                if ((c == '{' || c == '}') && doubled) {
                    out.append(c);
                    i++;
                } else if (c == '{') {
                    int close = close(i + 1, to);
                    out.append(field(i + 1, close));
                    i = close;
                } else if (c == '}') {
                    throw new ParError("a single '}' in a format string (write '}}' for a brace)");
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private int close(int i, int to) {
            for (int depth = 0; i < to; i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && depth-- == 0) {
                    return i;
                }
            }
            throw new ParError("a '{' in a format string is not closed (write '{{' for a brace)");
        }

        private String field(int from, int to) {
            int colon = text.indexOf(':', from);
            int end = colon < 0 || colon > to ? to : colon;
            int bang = text.indexOf('!', from);
            String name = text.substring(from, bang >= 0 && bang < end ? bang : end);
            String conversion = bang >= 0 && bang < end ? text.substring(bang + 1, end) : null;
            if (conversion != null && !conversion.equals("r") && !conversion.equals("s")) {
                throw new ParError("a format field's conversion is !r or !s");
            }
            String spec = end < to ? render(end + 1, to) : "";
            return format(convert(argument(name), conversion), spec);
        }

        private Object argument(String name) {
            int index;
            if (name.isEmpty()) {
                if (numbered) {
                    throw new ParError("a format string cannot mix {} with numbered fields");
                }
                index = next++;
            } else if (name.matches("\\d{1,9}")) {
                if (next > 0) {
                    throw new ParError("a format string cannot mix {} with numbered fields");
                }
                numbered = true;
                index = Integer.parseInt(name);
            } else {
                throw new ParError("format fields are positions, {} or {0}: Par has no keyword arguments, so not {"
                        + name + "}");
            }
            if (index >= args.length) {
                throw new ParError("format() has no argument " + index + " (it was given " + args.length + ")");
            }
            return args[index];
        }
    }
}
