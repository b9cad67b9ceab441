package par.syntax;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import par.grammar.ParLexer;

/**
 * What a program's tokens show of the child JVMs it will start, read with Par's own lexer
 * before the program is parsed, so the par command can boot spares while the parser works. A
 * word in a string or a comment is no token, so a program that only mentions {@code spawn}
 * starts nothing. Only a hint: the resolver counts the JVMs exactly once the program is
 * parsed. Touches nothing but the text it is given.
 */
public final class ProcessTokens {
    /** No {@code spawn} and no call of {@code pool}. */
    public static final int NONE = 0;
    /** A {@code spawn}, and no call of {@code pool}. */
    public static final int SPAWNS = 1;
    /** A call of {@code pool}: workers ahead, which run for long. */
    public static final int POOLS = 2;

    private static final int SPAWN = tokenType("'spawn'");

    private ProcessTokens() {
    }

    /** NONE, SPAWNS or POOLS. */
    public static int scan(String source) {
        if (!source.contains("spawn") && !source.contains("pool")) {
            return NONE; // most programs: no lexing at all
        }
        ParLexer lexer = new ParLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        int seen = NONE;
        boolean afterPool = false;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (afterPool && t.getType() == ParLexer.LPAREN) {
                return POOLS;
            }
            afterPool = t.getType() == ParLexer.NAME && t.getText().equals("pool");
            if (t.getType() == SPAWN) {
                seen = SPAWNS;
            }
        }
        return seen;
    }

    /** The type of the keyword token whose literal is given, quotes and all. */
    private static int tokenType(String literal) {
        for (int type = 1; type <= ParLexer.VOCABULARY.getMaxTokenType(); type++) {
            if (literal.equals(ParLexer.VOCABULARY.getLiteralName(type))) {
                return type;
            }
        }
        throw new IllegalStateException("the lexer has no token " + literal);
    }
}
