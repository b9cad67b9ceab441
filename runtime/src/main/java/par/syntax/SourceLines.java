package par.syntax;

/**
 * Some consecutive lines of a source, the first of them numbered firstLine: a whole file, the
 * lines of one function (which travel with it to a child), or the one line an error came from.
 * An error keeps a reference to them and takes out its line only when it is shown or sent.
 */
public record SourceLines(String text, int firstLine) {
    /** The text of line number n (without its line end), or null if it is not among these. */
    public String line(int n) {
        int start = 0;
        for (int i = firstLine; i < n; i++) {
            start = lineEnd(start);
            if (start >= text.length()) {
                return null;
            }
            start += text.startsWith("\r\n", start) ? 2 : 1;
        }
        if (n < firstLine || start > text.length()) {
            return null;
        }
        return text.substring(start, lineEnd(start));
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }
}
