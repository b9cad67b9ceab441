package par.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

import par.syntax.SourceParser;
import par.syntax.SyntaxError;

/**
 * Tells JLine when an input is complete by asking Par's own parser: input that stops inside an
 * unclosed brace, bracket, parenthesis or triple-quoted string gets a continuation prompt;
 * anything else is accepted (a real syntax error is reported when it runs).
 */
public final class ReplParser extends DefaultParser {
    ReplParser() {
        setEofOnUnclosedQuote(false);
        setEofOnUnclosedBracket();
        setEscapeChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE) {
            SyntaxError open = unfinished(line);
            if (open != null) {
                throw new EOFError(open.pos().line(), open.pos().col(), open.getMessage());
            }
        }
        return super.parse(line, cursor, context);
    }

    /**
     * Why input needs more lines (the parser's error at its end: an unclosed bracket, block or
     * triple-quoted string), or null when it is complete or wrong before its end. A command
     * ({@code :ps}) is always complete. The kernel's is_complete_request asks this too.
     */
    public static SyntaxError unfinished(String input) {
        if (input.isBlank() || input.strip().startsWith(":")) {
            return null;
        }
        try {
            SourceParser.parse(input, "<repl>");
            return null;
        } catch (SyntaxError e) {
            return e.atEndOfInput() ? e : null;
        }
    }
}
