package par.syntax;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Program text from bytes (a file, standard input, a command-line argument): strict UTF-8,
 * never a silently replaced character. Also how a line of source is shown in an error, with
 * control characters and undecodable bytes escaped so the terminal shows what is there.
 * Touches nothing but its arguments.
 */
public final class SourceText {
    private SourceText() {
    }

    /** bytes as UTF-8; a {@link NotUtf8} naming the first byte that is not. */
    public static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text; // nothing was replaced: the bytes were UTF-8
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never makes more chars than it had bytes
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, CharBuffer.allocate(bytes.length), true);
        if (result.isError()) {
            throw NotUtf8.at(bytes, in.position());
        }
        return text; // the replacement character was written in the text itself
    }

    /**
     * A line as an error shows it: a tab as a space (so the caret lines up), other control
     * characters as {@code \xHH}, so a NUL or an escape sequence is seen, not obeyed.
     */
    public static String visible(String line) {
        StringBuilder out = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            String shown = c == '\t' ? " " : isControl(c) ? escaped(c) : null;
            if (shown != null && out == null) {
                out = new StringBuilder(line.length() + 8).append(line, 0, i);
            }
            if (out != null) {
                if (shown != null) {
                    out.append(shown);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? line : out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c < 0xa0;
    }

    private static String escaped(int b) {
        return String.format("\\x%02x", b);
    }

    /**
     * Bytes that are not UTF-8: the line they are on and their place in it (both counted from
     * 1, the place in bytes), and that line as it can be shown, the bad bytes as {@code \xHH},
     * with the caret's column under the first of them.
     */
    public static final class NotUtf8 extends RuntimeException {
        private final int line;
        private final int byteInLine;
        private final String shownLine;
        private final int caret;

        private NotUtf8(int line, int byteInLine, String shownLine, int caret) {
            super("not valid UTF-8 at line " + line + ", byte " + byteInLine, null, false, false);
            this.line = line;
            this.byteInLine = byteInLine;
            this.shownLine = shownLine;
            this.caret = caret;
        }

        public int line() {
            return line;
        }

        public int byteInLine() {
            return byteInLine;
        }

        public String shownLine() {
            return shownLine;
        }

        /** How many columns of {@link #shownLine} come before the first bad byte. */
        public int caret() {
            return caret;
        }

        static NotUtf8 at(byte[] bytes, int bad) {
            int line = 1;
            int start = 0;
            for (int i = 0; i < bad; i++) {
                boolean lineEnd = bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n');
                if (lineEnd) {
                    line++;
                    start = i + 1;
                }
            }
            int end = start;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            String before = visible(new String(bytes, start, bad - start, StandardCharsets.UTF_8));
            return new NotUtf8(line, bad - start + 1, before + showBytes(bytes, bad, end), before.length());
        }

        /** bytes[from, to) decoded where they are UTF-8, each other byte as {@code \xHH}. */
        private static String showBytes(byte[] bytes, int from, int to) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
            ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
            CharBuffer out = CharBuffer.allocate(to - from);
            StringBuilder shown = new StringBuilder();
            while (true) {
                CoderResult result = decoder.decode(in, out, true);
                shown.append(visible(out.flip().toString()));
                out.clear();
                if (!result.isError()) {
                    return shown.toString();
                }
                for (int i = 0; i < result.length(); i++) {
                    shown.append(escaped(in.get() & 0xff));
                }
            }
        }
    }
}
