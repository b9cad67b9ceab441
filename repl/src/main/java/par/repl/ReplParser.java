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
final class ReplParser extends DefaultParser {
    ReplParser() {
        setEofOnUnclosedQuote(false);
        setEofOnUnclosedBracket();
        setEscapeChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && !line.strip().startsWith(":")) {
            try {
                SourceParser.parse(line, "<repl>");
            } catch (SyntaxError e) {
                if (e.atEndOfInput()) {
                    throw new EOFError(e.pos().line(), e.pos().col(), e.getMessage());
                }
            }
        }
        return super.parse(line, cursor, context);
    }
}
