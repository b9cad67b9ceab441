package par.repl;

import java.util.regex.Pattern;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import par.syntax.SourceTokens;

/** Colours the input as it is typed, by the kinds of its tokens that the syntax package finds. */
final class ReplHighlighter implements Highlighter {
    private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        int at = 0;
        for (SourceTokens.Span span : SourceTokens.spans(buffer)) {
            out.append(buffer.substring(at, span.start()));
            out.styled(style(span.kind()), buffer.substring(span.start(), span.end()));
            at = span.end();
        }
        out.append(buffer.substring(at));
        return out.toAttributedString();
    }

    private static AttributedStyle style(SourceTokens.Kind kind) {
        switch (kind) {
            case KEYWORD:
                return KEYWORD;
            case STRING:
                return STRING;
            case NUMBER:
                return NUMBER;
            case COMMENT:
                return COMMENT;
            default:
                return AttributedStyle.DEFAULT;
        }
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
