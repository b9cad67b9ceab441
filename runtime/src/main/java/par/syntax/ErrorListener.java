package par.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

import par.grammar.ParLexer;
import par.grammar.ParParser;

/**
 * Turns ANTLR's first complaint into a {@link SyntaxError} in plain words: what was expected
 * and what was found instead, or which bracket or block was never closed. ANTLR's own wording
 * ("mismatched input", "extraneous input") never reaches a user.
 */
final class ErrorListener extends BaseErrorListener {
    private static final int LBRACE = typeOf("'{'");
    /** Tokens an expression may end with, and those a second one may start with. */
    private static final Set<Integer> ENDS_EXPRESSION = Set.of(ParLexer.NAME, ParLexer.INT, ParLexer.FLOAT,
            ParLexer.STRING, typeOf("')'"), typeOf("']'"), typeOf("'}'"), typeOf("'nil'"), typeOf("'true'"),
            typeOf("'false'"));
    private static final Set<Integer> STARTS_EXPRESSION = Set.of(ParLexer.NAME, ParLexer.INT, ParLexer.FLOAT,
            ParLexer.STRING, LBRACE, typeOf("'nil'"), typeOf("'true'"), typeOf("'false'"));
    /** What may stand before a '{' that opens a map rather than a block. */
    private static final Set<String> BEFORE_MAP = Set.of("=", "(", "[", ",", ":", "return");

    private final String file;

    ErrorListener(String file) {
        this.file = file;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col,
                            String antlrMessage, RecognitionException e) {
        Parser parser = (Parser) recognizer;
        Token found = (Token) offendingSymbol;
        Pos pos = new Pos(line, col + 1);
        if (found.getType() == ParLexer.UNTERMINATED_STRING) {
            boolean triple = found.getText().startsWith("\"\"\"") || found.getText().startsWith("'''");
            throw new SyntaxError(file, pos, "unterminated string", triple);
        }
        if (found.getType() == ParLexer.BAD_CHAR) {
            throw new SyntaxError(file, pos, "unexpected character " + quote(found.getText()));
        }
        if (found.getType() == Token.EOF) {
            pos = endOfLastLine(parser.getInputStream(), pos);
            Token opener = innermostUnclosed(parser.getInputStream());
            if (opener != null) {
                throw new SyntaxError(file, pos, closingMessage(parser, opener), true);
            }
        }
        // the one predicate in the grammar refuses a `not` where only a tighter operand may stand
        IntervalSet expected = e instanceof FailedPredicateException ? IntervalSet.of(ParLexer.INT) : expectedTokens(parser, e);
        Token items = missingComma(parser.getInputStream(), found);
        if (items != null) {
            throw new SyntaxError(file, pos, "expected ',' or '" + closer(items.getText()) + "', found "
                    + describe(found) + "; perhaps a missing comma?");
        }
        throw new SyntaxError(file, pos, message(expected, found), found.getType() == Token.EOF);
    }

    /**
     * When found starts an expression right after one ended, inside a list, a call's arguments
     * or a map, as in {@code [1, 2 3]}: the bracket that opened them. Otherwise null.
     */
    private static Token missingComma(TokenStream tokens, Token found) {
        Token before = previous(tokens, found.getTokenIndex());
        if (before == null || !STARTS_EXPRESSION.contains(found.getType())
                || !ENDS_EXPRESSION.contains(before.getType())) {
            return null;
        }
        Token opener = innermostUnclosed(tokens, found.getTokenIndex());
        return opener != null && holdsItems(tokens, opener) ? opener : null;
    }

    /** The token before the at-th, passing over ends of lines (a map may span lines), or null. */
    private static Token previous(TokenStream tokens, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (tokens.get(i).getType() != ParLexer.NL) {
                return tokens.get(i);
            }
        }
        return null;
    }

    /** Whether the bracket opener starts a list, a call's arguments or a map (not an index, a group or a block). */
    private static boolean holdsItems(TokenStream tokens, Token opener) {
        Token before = previous(tokens, opener.getTokenIndex());
        boolean afterExpression = before != null && ENDS_EXPRESSION.contains(before.getType());
        switch (opener.getText()) {
            case "(": return afterExpression;
            case "[": return !afterExpression;
            default: return before == null || BEFORE_MAP.contains(before.getText());
        }
    }

    private static IntervalSet expectedTokens(Parser parser, RecognitionException e) {
        if (e != null && e.getExpectedTokens() != null) {
            return e.getExpectedTokens();
        }
        return parser.getExpectedTokens();
    }

    private static String message(IntervalSet expected, Token found) {
        String what = describeExpected(expected);
        String foundText = describe(found);
        return what == null ? "unexpected " + foundText : "expected " + what + ", found " + foundText;
    }

    /** A few words for the set of tokens that would have been fine, or null if it is too wide. */
    private static String describeExpected(IntervalSet expected) {
        if (expected.contains(ParLexer.INT)) {
            return "an expression";
        }
        if (expected.contains(LBRACE) && expected.size() > 4) {
            return "'{' to start a block";
        }
        if (expected.contains(ParLexer.NL) || expected.contains(Token.EOF)) {
            return "end of line";
        }
        List<String> names = new ArrayList<>();
        for (int type : expected.toArray()) {
            names.add(tokenName(type));
        }
        if (names.isEmpty() || names.size() > 4) {
            return null;
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static int typeOf(String literal) {
        for (int type = 1; type <= ParLexer.VOCABULARY.getMaxTokenType(); type++) {
            if (literal.equals(ParLexer.VOCABULARY.getLiteralName(type))) {
                return type;
            }
        }
        throw new IllegalStateException("no token " + literal);
    }

    private static String tokenName(int type) {
        switch (type) {
            case Token.EOF: return "end of file";
            case ParLexer.NL: return "end of line";
            case ParLexer.NAME: return "a name";
            case ParLexer.INT: case ParLexer.FLOAT: return "a number";
            case ParLexer.STRING: return "a string";
            default:
                String literal = ParLexer.VOCABULARY.getLiteralName(type);
                return literal != null ? literal : ParLexer.VOCABULARY.getSymbolicName(type);
        }
    }

    static String describe(Token token) {
        switch (token.getType()) {
            case Token.EOF: return "end of file";
            case ParLexer.NL: return "end of line";
            case ParLexer.NAME: return "name '" + token.getText() + "'";
            case ParLexer.INT: case ParLexer.FLOAT: return "number " + token.getText();
            case ParLexer.STRING: return "string " + token.getText();
            default: return quote(token.getText());
        }
    }

    private static String quote(String text) {
        return "'" + text + "'";
    }

    /** Just after the last visible token, so an error at the end of input points at real text. */
    private static Pos endOfLastLine(TokenStream tokens, Pos fallback) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getType() != Token.EOF && t.getType() != ParLexer.NL) {
                String[] lines = t.getText().split("\\R", -1);
                int line = t.getLine() + lines.length - 1;
                int col = lines.length == 1 ? t.getCharPositionInLine() + t.getText().length() : lines[lines.length - 1].length();
                return new Pos(line, col + 1);
            }
        }
        return fallback;
    }

    /** The last (, [ or { that no later token closes, by scanning the whole token stream. */
    private static Token innermostUnclosed(TokenStream tokens) {
        return innermostUnclosed(tokens, tokens.size());
    }

    /** The last (, [ or { that no token before the end-th closes. */
    private static Token innermostUnclosed(TokenStream tokens, int end) {
        Deque<Token> open = new ArrayDeque<>();
        for (int i = 0; i < end; i++) {
            Token t = tokens.get(i);
            switch (t.getText()) {
                case "(": case "[": case "{": open.push(t); break;
                case ")": case "]": case "}": if (!open.isEmpty()) open.pop(); break;
                default: break;
            }
            if (t.getType() == Token.EOF) {
                break;
            }
        }
        return open.peek();
    }

    private static String closingMessage(Parser parser, Token opener) {
        String text = opener.getText();
        String closer = closer(text);
        String what = "the '" + text + "'";
        if (text.equals("{")) {
            what = isBlockOpener(parser.getContext(), opener) ? "the block" : "the map";
        }
        return "expected '" + closer + "' to close " + what + " opened at line " + opener.getLine();
    }

    private static String closer(String opener) {
        return opener.equals("(") ? ")" : opener.equals("[") ? "]" : "}";
    }

    private static boolean isBlockOpener(ParserRuleContext ctx, Token opener) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof ParParser.BlockContext && ((ParParser.BlockContext) c).open == opener) {
                return true;
            }
        }
        return false;
    }
}
