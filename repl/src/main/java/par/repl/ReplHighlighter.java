package par.repl;

import java.util.Set;
import java.util.regex.Pattern;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import par.grammar.ParLexer;

/** Colours the input as it is typed, token by token, with Par's own lexer. */
final class ReplHighlighter implements Highlighter {
    static final Set<String> KEYWORDS = Set.of("def", "if", "elif", "else", "while", "for", "in", "return",
            "break", "continue", "pass", "global", "try", "catch", "finally", "raise", "with", "as", "spawn",
            "join", "and", "or", "not", "true", "false", "nil");

    private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        ParLexer lexer = new ParLexer(CharStreams.fromString(buffer));
        lexer.removeErrorListeners();
        int at = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int start = t.getStartIndex();
            int stop = t.getStopIndex() + 1;
            if (start > at) {
                plainOrComment(out, buffer.substring(at, start));
            }
            out.styled(style(t), buffer.substring(start, stop));
            at = stop;
        }
        if (at < buffer.length()) {
            plainOrComment(out, buffer.substring(at));
        }
        return out.toAttributedString();
    }

    /** Text the lexer skipped: spaces, and comments, which it drops. */
    private static void plainOrComment(AttributedStringBuilder out, String text) {
        int hash = text.indexOf('#');
        if (hash < 0) {
            out.append(text);
            return;
        }
        out.append(text.substring(0, hash));
        out.styled(COMMENT, text.substring(hash));
    }

    private static AttributedStyle style(Token t) {
        switch (t.getType()) {
            case ParLexer.STRING:
            case ParLexer.UNTERMINATED_STRING:
                return STRING;
            case ParLexer.INT:
            case ParLexer.FLOAT:
                return NUMBER;
            default:
                return KEYWORDS.contains(t.getText()) ? KEYWORD : AttributedStyle.DEFAULT;
        }
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
