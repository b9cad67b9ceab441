package par.syntax;

import java.math.BigInteger;

/** Reads the text of number and string tokens into values: ints, big ints, escapes. */
public final class Literals {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Literals() {
    }

    /** Integers are Long while they fit and BigInteger only beyond; the runtime relies on it. */
    public static Object normalize(BigInteger value) {
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return value.longValue();
        }
        return value;
    }

    static Object parseInt(String text) {
        String digits = text.replace("_", "");
        int radix = digits.length() > 1 ? prefixRadix(digits.charAt(1)) : 10;
        return normalize(new BigInteger(radix == 10 ? digits : digits.substring(2), radix));
    }

    /** The base a prefix's letter names ({@code 0x}, {@code 0o}, {@code 0b}), or 10 for none. */
    public static int prefixRadix(char letter) {
        switch (Character.toLowerCase(letter)) {
            case 'x': return 16;
            case 'o': return 8;
            case 'b': return 2;
            default: return 10;
        }
    }

    /** The value of a quoted string token, with its escapes applied as Python does. */
    static String unquote(String token) {
        int quotes = token.startsWith("\"\"\"") || token.startsWith("'''") ? 3 : 1;
        return unescape(token.substring(quotes, token.length() - quotes));
    }

    /** A string's text between its quotes, with its escapes applied as Python does. */
    static String unescape(String body) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case '0': out.append('\0'); break;
                case '\\': out.append('\\'); break;
                case '"': out.append('"'); break;
                case '\'': out.append('\''); break;
                case '\n': break;
                case 'x': out.appendCodePoint(hex(body, i + 1, 2)); i += 2; break;
                case 'u': out.appendCodePoint(hex(body, i + 1, 4)); i += 4; break;
                default: out.append('\\').append(e); break;
            }
        }
        return out.toString();
    }

    private static int hex(String s, int from, int count) {
        if (from + count > s.length()) {
            throw new IllegalArgumentException("incomplete \\" + s.charAt(from - 1) + " escape in string");
        }
        try {
            return Integer.parseInt(s.substring(from, from + count), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad \\" + s.charAt(from - 1) + " escape in string");
        }
    }
}
