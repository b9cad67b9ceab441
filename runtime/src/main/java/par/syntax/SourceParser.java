package par.syntax;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import par.grammar.ParLexer;
import par.grammar.ParParser;

/**
 * Source text in, {@link Program} out. The only door into ANTLR: it parses in the fast SLL
 * mode first and, only if that fails, again in full LL mode with {@link ErrorListener}, so a
 * bad program gets the precise first error while a good one pays for the quick pass alone.
 */
public final class SourceParser {
    private SourceParser() {
    }

    public static Program parse(String source, String file) {
        ParParser.ProgramContext tree;
        try {
            ParParser fast = parser(source);
            fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
            fast.setErrorHandler(new BailErrorStrategy());
            tree = fast.program();
        } catch (ParseCancellationException e) {
            ParParser careful = parser(source);
            careful.addErrorListener(new ErrorListener(file));
            careful.setErrorHandler(new DefaultErrorStrategy());
            tree = careful.program();
        }
        return new Program(file, source, new AstBuilder(file).program(tree));
    }

    private static ParParser parser(String source) {
        ParLexer lexer = new ParLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        ParParser parser = new ParParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        return parser;
    }
}
