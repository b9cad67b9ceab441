package par.interp;

import java.util.Locale;

/**
 * Python's idea of characters where it differs from Java's: which are white space
 * ({@code '\xa0'} and {@code '\x1c'} are, for split, strip and isspace), which are digits
 * ({@code '²'} is), which are printable (repr escapes the others), and the full case
 * mappings ({@code 'ß'.title()} is {@code 'Ss'}). Strings are UTF-16 here, so a character
 * outside the Basic Multilingual Plane is two of these chars, as docs/language.md says.
 */
final class Text {
    private Text() {
    }

    /** Python's str.isspace for one character: Unicode's white space and the four separators. */
    static boolean isSpace(int c) {
        return c >= '\t' && c <= '\r' || c >= 0x1c && c <= 0x1f || c == 0x85 || Character.isSpaceChar(c);
    }

    /** Python's str.isdigit for one character: decimal digits and other single digits (superscripts, circled). */
    static boolean isDigit(int c) {
        int type = Character.getType(c);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return true;
        }
        int value = Character.getNumericValue(c);
        return type == Character.OTHER_NUMBER && value >= 0 && value <= 9;
    }

    /** Whether repr shows the character as it is: Python escapes controls, format characters and separators but ' '. */
    static boolean isPrintable(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            case Character.SPACE_SEPARATOR:
                return c == ' ';
            default:
                return true;
        }
    }

    /** Whether a character has case, as Python's title() asks of the one before. */
    static boolean isCased(int c) {
        return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
    }

    /** s without Python's white space at the chosen ends. */
    static String strip(String s, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (right && end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static String strip(String s) {
        return strip(s, true, true);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * The full title-case form of one character: its own title case where Unicode gives one
     * ({@code 'ǆ'} to {@code 'ǅ'}), else the first of its upper-case form and the rest lowered
     * ({@code 'ß'} to {@code 'Ss'}, {@code 'ﬁ'} to {@code 'Fi'}).
     */
    static String titleOf(int c) {
        String upper = upper(new String(Character.toChars(c)));
        if (upper.codePointCount(0, upper.length()) == 1) {
            return new String(Character.toChars(Character.toTitleCase(c)));
        }
        int first = Character.charCount(upper.codePointAt(0));
        return upper.substring(0, first) + lower(upper.substring(first));
    }

    /** Python's str.title: each run of cased characters starts with its title case. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            String one = s.substring(i, i + Character.charCount(c));
            out.append(previousCased ? lower(one) : titleOf(c));
            previousCased = isCased(c);
            i += one.length();
        }
        return out.toString();
    }

    /** Python's str.capitalize (3.8 on): the first character in title case, the rest lowered. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = Character.charCount(s.codePointAt(0));
        return titleOf(s.codePointAt(0)) + lower(s.substring(first));
    }

    /** Python's str.swapcase: upper case lowered, lower case raised, the rest kept. */
    static String swapcase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            String one = s.substring(i, i + Character.charCount(c));
            out.append(Character.isUpperCase(c) ? lower(one) : Character.isLowerCase(c) ? upper(one) : one);
            i += one.length();
        }
        return out.toString();
    }

    /** Python's str.center: the odd pad goes left when the width is odd, as CPython places it. */
    static String center(String s, int width, char fill) {
        int pad = width - s.length();
        if (pad <= 0) {
            return s;
        }
        int left = pad / 2 + (pad & width & 1);
        return repeat(fill, left) + s + repeat(fill, pad - left);
    }

    /** Python's str.zfill: zeros after the sign, up to the width. */
    static String zfill(String s, int width) {
        int pad = width - s.length();
        if (pad <= 0) {
            return s;
        }
        boolean signed = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
        return signed ? s.charAt(0) + repeat('0', pad) + s.substring(1) : repeat('0', pad) + s;
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(Math.max(0, n));
    }

    /** Whether every character of s passes: Python's isdigit, isspace and isalpha, false when s is empty. */
    static boolean all(String s, Kind kind) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!kind.holds(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** The kinds of character the is...() methods ask about. */
    enum Kind {
        DIGIT {
            @Override
            boolean holds(int c) {
                return isDigit(c);
            }
        },
        SPACE {
            @Override
            boolean holds(int c) {
                return isSpace(c);
            }
        },
        ALPHA {
            @Override
            boolean holds(int c) {
                return Character.isLetter(c);
            }
        };

        abstract boolean holds(int c);
    }
}
