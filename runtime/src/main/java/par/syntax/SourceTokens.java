package par.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

import par.grammar.ParLexer;

/**
 * The tokens of a piece of source as kinds and places, for showing it (the REPL colours what
 * is typed with them). Read with Par's own lexer, so a word is a keyword exactly where the
 * parser takes it for one. Any text has spans, incomplete or wrong input included: a string
 * still open is a string, a character the language has no use for is an error. Spaces,
 * newlines and line continuations have none. Touches nothing but the text it is given.
 */
public final class SourceTokens {
    /** What a span of source is. */
    public enum Kind {
        KEYWORD, NAME, NUMBER,
        /** A string, closed or still open. */
        STRING,
        COMMENT,
        /** An operator or a punctuation mark. */
        OPERATOR,
        /** A character that no token of Par begins with. */
        ERROR
    }

    /** One token: its kind, and where it stands in the text (char indices, end exclusive). */
    public record Span(Kind kind, int start, int end) {
    }

    private static final Vocabulary VOCABULARY = ParLexer.VOCABULARY;
    /** Each token type's kind; null for a newline, which shows nothing. */
    private static final Kind[] KINDS = kinds();

    /** Par's keywords, in the order of their token types. */
    public static final Set<String> KEYWORDS = keywords();

    private SourceTokens() {
    }

    /** The spans of source, in order. */
    public static List<Span> spans(String source) {
        ParLexer lexer = new ParLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        CharIndex chars = new CharIndex(source);
        List<Span> spans = new ArrayList<>();
        int at = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int start = chars.of(t.getStartIndex());
            int end = chars.of(t.getStopIndex() + 1);
            addComments(source, at, start, spans);
            Kind kind = KINDS[t.getType()];
            if (kind != null) {
                spans.add(new Span(kind, start, end));
            }
            at = end;
        }
        addComments(source, at, source.length(), spans);
        return spans;
    }

    /**
     * The comments in source between from and to, where no token stands. The lexer drops
     * comments; what it skips between tokens is only spaces, line continuations, newlines
     * inside brackets and comments, so each '#' there begins a comment, which ends with its line.
     */
    private static void addComments(String source, int from, int to, List<Span> spans) {
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '#') {
                int start = i;
                while (i < to && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
                    i++;
                }
                spans.add(new Span(Kind.COMMENT, start, i));
            }
        }
    }

    private static Kind[] kinds() {
        Kind[] kinds = new Kind[VOCABULARY.getMaxTokenType() + 1];
        for (int type = 1; type < kinds.length; type++) {
            kinds[type] = keyword(type) != null ? Kind.KEYWORD : Kind.OPERATOR;
        }
        kinds[ParLexer.NAME] = Kind.NAME;
        kinds[ParLexer.INT] = Kind.NUMBER;
        kinds[ParLexer.FLOAT] = Kind.NUMBER;
        kinds[ParLexer.STRING] = Kind.STRING;
        kinds[ParLexer.FSTRING] = Kind.STRING;
        kinds[ParLexer.UNTERMINATED_STRING] = Kind.STRING;
        kinds[ParLexer.BAD_CHAR] = Kind.ERROR;
        kinds[ParLexer.NL] = null;
        return kinds;
    }

    private static Set<String> keywords() {
        Set<String> words = new LinkedHashSet<>();
        for (int type = 1; type <= VOCABULARY.getMaxTokenType(); type++) {
            String word = keyword(type);
            if (word != null) {
                words.add(word);
            }
        }
        return Collections.unmodifiableSet(words);
    }

    /** The word of a keyword token type ('def' in the grammar), or null for any other type. */
    private static String keyword(int type) {
        String literal = VOCABULARY.getLiteralName(type);
        if (literal == null || literal.length() < 3) {
            return null;
        }
        String word = literal.substring(1, literal.length() - 1);
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return null;
            }
        }
        return word;
    }

    /**
     * Turns the lexer's indices, which count code points, into indices of the Java string,
     * which count chars (two for a character outside the BMP). Asked in increasing order only.
     */
    private static final class CharIndex {
        private final String source;
        private int codePoints;
        private int chars;

        CharIndex(String source) {
            this.source = source;
        }

        int of(int codePoint) {
            while (codePoints < codePoint) {
                chars += Character.charCount(source.codePointAt(chars));
                codePoints++;
            }
            return chars;
        }
    }
}
