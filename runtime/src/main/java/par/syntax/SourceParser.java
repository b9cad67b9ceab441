package par.syntax;

import java.util.ArrayDeque;
import java.util.Deque;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import par.grammar.ParLexer;
import par.grammar.ParParser;

/**
 * Source text in, {@link Program} out. The only door into ANTLR: it parses in the fast SLL
 * mode first and, only if that fails, again in full LL mode with {@link ErrorListener}, so a
 * bad program gets the precise first error while a good one pays for the quick pass alone.
 * Input nested too deeply is a located syntax error, never a Java stack overflow: see
 * {@link #MAX_DEPTH}.
 */
public final class SourceParser {
    private SourceParser() {
    }

    /**
     * How many grammar rules may be open at once (one level of parentheses, brackets or prefix operators opens four). The
     * limit is what every later step can follow on the 1 GiB stack programs run on: the AST
     * builder, the resolver and the evaluator recurse once per level too, and the deepest of
     * them was measured at under 256 bytes a level. On a smaller stack (the REPL asks, on its
     * prompt's thread, whether an input is complete) Java's own overflow comes first and is
     * reported the same way.
     */
    static final int MAX_DEPTH = 2_000_000;

    static final String TOO_DEEP = "nested too deeply";

    public static Program parse(String source, String file) {
        return parse(source, file, MAX_DEPTH);
    }

    /** As above, with the limit given (tests use a small one). */
    static Program parse(String source, String file, int maxDepth) {
        ParParser.ProgramContext tree = parseTree(source, file, maxDepth);
        try {
            return new Program(file, source, new AstBuilder(file).program(tree));
        } catch (StackOverflowError e) {
            throw tooDeep(file, deepestToken(tree));
        }
    }

    private static ParParser.ProgramContext parseTree(String source, String file, int maxDepth) {
        DepthLimitedParser fast = parser(source, file, maxDepth);
        try {
            fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
            fast.setErrorHandler(new BailErrorStrategy());
            return fast.program();
        } catch (ParseCancellationException e) {
            DepthLimitedParser careful = parser(source, file, maxDepth);
            try {
                careful.addErrorListener(new ErrorListener(file));
                careful.setErrorHandler(new DefaultErrorStrategy());
                // SLL here too: the grammar decides every choice within two tokens, so full
                // LL would find no other parse, only cost more: it rebuilds the whole rule
                // stack for a prediction, which made a 3 000-deep call with one ')' missing
                // take 5 s instead of a fraction of one
                careful.getInterpreter().setPredictionMode(PredictionMode.SLL);
                return careful.program();
            } catch (StackOverflowError overflow) {
                throw tooDeep(file, careful.getCurrentToken());
            }
        } catch (StackOverflowError overflow) {
            throw tooDeep(file, fast.getCurrentToken());
        }
    }

    private static DepthLimitedParser parser(String source, String file, int maxDepth) {
        ParLexer lexer = new ParLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        DepthLimitedParser parser = new DepthLimitedParser(new CommonTokenStream(lexer), file, maxDepth);
        parser.removeErrorListeners();
        return parser;
    }

    private static SyntaxError tooDeep(String file, Token at) {
        return new SyntaxError(file, new Pos(at.getLine(), at.getCharPositionInLine() + 1), TOO_DEEP);
    }

    /** The first token at the greatest depth of the tree, found without recursion. */
    private static Token deepestToken(ParseTree root) {
        Deque<ParseTree> trees = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        trees.push(root);
        depths.push(0);
        Token deepest = null;
        int max = -1;
        while (!trees.isEmpty()) {
            ParseTree t = trees.pop();
            int depth = depths.pop();
            if (t instanceof TerminalNode && depth > max) {
                deepest = ((TerminalNode) t).getSymbol();
                max = depth;
            }
            for (int i = t.getChildCount() - 1; i >= 0; i--) {
                trees.push(t.getChild(i));
                depths.push(depth + 1);
            }
        }
        return deepest;
    }

    /**
     * The generated parser, counting the rules it has open: one more than its limit is a
     * syntax error at the token it was reading. A class of its own rather than a parse
     * listener, since a listener is told of every rule, and this is only told of entries and
     * exits.
     */
    private static final class DepthLimitedParser extends ParParser {
        private final String file;
        private final int maxDepth;
        private int depth;

        DepthLimitedParser(TokenStream tokens, String file, int maxDepth) {
            super(tokens);
            this.file = file;
            this.maxDepth = maxDepth;
        }

        @Override
        public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
            deeper();
            super.enterRule(localctx, state, ruleIndex);
        }

        @Override
        public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
            deeper();
            super.enterRecursionRule(localctx, state, ruleIndex, precedence);
        }

        @Override
        public void exitRule() {
            depth--;
            super.exitRule();
        }

        @Override
        public void unrollRecursionContexts(ParserRuleContext parent) {
            depth--;
            super.unrollRecursionContexts(parent);
        }

        private void deeper() {
            if (++depth > maxDepth) {
                throw tooDeep(file, getCurrentToken());
            }
        }
    }
}
