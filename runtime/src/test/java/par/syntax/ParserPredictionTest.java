package par.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.DecisionInfo;
import org.antlr.v4.runtime.atn.ParseInfo;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.junit.jupiter.api.Test;

import par.grammar.ParLexer;
import par.grammar.ParParser;

/**
 * The parser's work grows with its input and no faster: every choice the grammar makes is
 * settled by looking a few tokens ahead. Checked by counting, through ANTLR's profiler, never
 * by timing: a choice that scanned to the end of a deep construct (an assignment told from an
 * expression, a list from a comprehension, an index from a slice) looked thousands of tokens
 * ahead on these inputs, each step costing more the deeper it went, and it grew the shared
 * prediction automaton with every larger input. Also: input nested beyond what the later steps
 * can follow is a located syntax error, never a stack overflow.
 */
class ParserPredictionTest {
    /** A decision needs two tokens at most (`a, b` against `a,` at the end of a list). */
    private static final int MAX_LOOK = 2;

    /** Deep and long inputs of every shape that once needed a long look ahead, by size. */
    private static Map<String, IntFunction<String>> shapes() {
        Map<String, IntFunction<String>> m = new LinkedHashMap<>();
        m.put("power chain in a call", n -> "print(" + "1**".repeat(n) + "1)\n");
        m.put("power chain assigned", n -> "x = " + "1**".repeat(n) + "1\n");
        m.put("parentheses assigned", n -> "x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n");
        m.put("parentheses as a statement", n -> "(".repeat(n) + "1" + ")".repeat(n) + "\n");
        m.put("nested calls", n -> "print(" + "f(".repeat(n) + "1" + ")".repeat(n) + ")\n");
        m.put("nested lists", n -> "x = " + "[".repeat(n) + "]".repeat(n) + "\n");
        m.put("nested indexes", n -> "a[" + "a[".repeat(n) + "0" + "]".repeat(n) + "] = 1\n");
        m.put("nested slices", n -> "x = a[" + "a[".repeat(n) + "0:1" + "]".repeat(n) + ":]\n");
        m.put("comprehension of nested lists", n -> "x = [y for y in " + "[".repeat(n) + "]".repeat(n) + "]\n");
        m.put("chain of assignments", n -> "a" + " = b".repeat(n) + " = 1\n");
        m.put("unpacking", n -> "a" + ", a".repeat(n) + " = b\n");
        m.put("update of a deep index", n -> "a" + "[0]".repeat(n) + " += (" + "(".repeat(n) + "1" + ")".repeat(n) + ")\n");
        m.put("long sum", n -> "x = 1" + " + 1".repeat(n) + "\n");
        m.put("nested blocks", n -> "if true {\n".repeat(n) + "print(1)\n" + "}\n".repeat(n));
        return m;
    }

    @Test
    void everyChoiceIsMadeWithinTwoTokens() {
        shapes().forEach((shape, make) -> {
            ParseInfo info = profile(make.apply(300));
            for (DecisionInfo d : info.getDecisionInfo()) {
                assertTrue(d.SLL_MaxLook <= MAX_LOOK,
                        shape + ": decision " + d.decision + " looked " + d.SLL_MaxLook + " tokens ahead");
            }
        });
    }

    @Test
    void aLargerInputNeedsNoNewPredictionStates() {
        shapes().forEach((shape, make) -> {
            profile(make.apply(200));
            int before = profile(make.apply(200)).getDFASize();
            int after = profile(make.apply(400)).getDFASize();
            assertEquals(before, after, shape + ": twice the input added prediction states");
        });
    }

    /**
     * Parentheses, brackets, calls and indexes each open four rules a level, since one rule
     * climbs every operator's precedence: a rule per precedence level opened eleven, and deep
     * input paid for each of them in stack, memory and time.
     */
    @Test
    void eachLevelOfNestingOpensAtMostFourRules() {
        int levels = 1_000;
        Map<String, String> nested = new LinkedHashMap<>();
        nested.put("parentheses", "x = " + "(".repeat(levels) + "1" + ")".repeat(levels) + "\n");
        nested.put("lists", "x = " + "[".repeat(levels) + "]".repeat(levels) + "\n");
        nested.put("calls", "print(" + "f(".repeat(levels) + "1" + ")".repeat(levels) + ")\n");
        nested.put("indexes", "x = " + "a[".repeat(levels) + "0" + "]".repeat(levels) + "\n");
        Map<String, Throwable> failures = new LinkedHashMap<>();
        onLargeStack(() -> nested.forEach((shape, source) -> {
            try {
                SourceParser.parse(source, "deep.par", 4 * levels + 20);
            } catch (SyntaxError e) {
                failures.put(shape, e);
            }
        }));
        assertEquals(Map.of(), failures);
    }

    @Test
    void nestingBeyondTheLimitIsALocatedSyntaxError() {
        String source = "x = 1\ny = " + "(".repeat(200) + "1" + ")".repeat(200) + "\n";
        SyntaxError e = assertThrows(SyntaxError.class, () -> SourceParser.parse(source, "deep.par", 500));
        assertEquals("nested too deeply", e.getMessage());
        assertEquals("deep.par", e.file());
        assertEquals(2, e.pos().line());
        assertEquals('(', source.split("\n")[1].charAt(e.pos().col() - 1), "points at a parenthesis");
        assertTrue(e.pos().col() > 5 && e.pos().col() < 5 + 200);
        SourceParser.parse(source, "deep.par", 5_000); // within a larger limit it parses
    }

    @Test
    void theSameLimitHoldsForTheCarefulPassThatReportsErrors() {
        String source = "x = (" + "(".repeat(200) + "1" + ")".repeat(200) + "\n"; // one ')' short
        SyntaxError deep = assertThrows(SyntaxError.class, () -> SourceParser.parse(source, "deep.par", 500));
        assertEquals("nested too deeply", deep.getMessage());
        SyntaxError unclosed = assertThrows(SyntaxError.class, () -> SourceParser.parse(source, "deep.par", 5_000));
        assertEquals("expected ')' to close the '(' opened at line 1", unclosed.getMessage());
    }

    @Test
    void aStackTooSmallForTheInputIsTheSameSyntaxError() throws InterruptedException {
        String source = "x = 1\ny = " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + "\n";
        List<Object> outcome = new ArrayList<>();
        Thread small = new Thread(null, () -> {
            try {
                SourceParser.parse(source, "deep.par");
                outcome.add("parsed");
            } catch (SyntaxError e) {
                outcome.add(e);
            }
        }, "small-stack", 512 * 1024);
        small.start();
        small.join();
        assertTrue(outcome.get(0) instanceof SyntaxError, "got " + outcome);
        SyntaxError e = (SyntaxError) outcome.get(0);
        assertEquals("nested too deeply", e.getMessage());
        assertEquals(2, e.pos().line());
    }

    /**
     * Parses as the fast pass of {@link SourceParser} does (SLL mode, giving up at the first
     * error, which would leave no result), with ANTLR's profiler counting.
     */
    private static ParseInfo profile(String source) {
        ParseInfo[] info = new ParseInfo[1];
        onLargeStack(() -> {
            ParParser parser = new ParParser(new CommonTokenStream(new ParLexer(CharStreams.fromString(source))));
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            parser.setProfile(true);
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.program();
            info[0] = parser.getParseInfo();
        });
        assertTrue(info[0] != null, "the fast pass failed");
        return info[0];
    }

    /** Runs the parser on a stack as large as programs get, as a test thread's is not. */
    private static void onLargeStack(Runnable parse) {
        Thread big = new Thread(null, parse, "parser", 256L << 20);
        big.start();
        try {
            big.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
