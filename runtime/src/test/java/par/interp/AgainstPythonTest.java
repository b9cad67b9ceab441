package par.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Par against CPython, statement by statement. A seeded generator makes each statement once,
 * in an abstract form ({@link Dual}) written out in both languages' syntax: arithmetic over
 * ints and floats at their edges (a long's ends, huge ints, -0.0, nan, inf), strings and
 * their methods, lists, maps, slicing with big bounds, comprehensions, f-strings with format
 * specs, str.format and lambdas. Each statement prints one line, its value shown as Par shows
 * values (Python is given a function that shows them so) or {@code error}; the two outputs
 * must agree line for line. The batches run at top level and inside a function (globals and
 * locals take different paths), Par in-process, Python once per batch.
 * <p>
 * Replay or vary: {@code mvn -o test -pl runtime -am -Dtest=AgainstPythonTest
 * -Dpar.python.seed=N} ({@code random} for a new seed). Skipped where there is no python3.
 */
class AgainstPythonTest {
    private static final int BATCHES = 4;
    private static final int PER_BATCH = 1000;

    /** How Python shows a value the way Par prints it: true, nil, and Par's own quoting. */
    private static final String PY_PRELUDE = String.join("\n",
            "import sys",
            "sys.set_int_max_str_digits(0)", // Par prints an int of any length; Python 3.11 refuses past 4300 digits
            "def shown(v):",
            "    if v is True or v is False: return 'true' if v else 'false'",
            "    if v is None: return 'nil'",
            "    if isinstance(v, list): return '[' + ', '.join(shown(x) for x in v) + ']'",
            "    if isinstance(v, dict): return '{' + ', '.join(shown(k) + ': ' + shown(x) for k, x in v.items()) + '}'",
            "    return repr(v)",
            "def show(v): print(shown(v))",
            "");
    private static final String PAR_PRELUDE = "def show(v) { print(repr(v)) }\n";

    private static final List<String> INTS = List.of("0", "1", "-1", "2", "7", "-13", "3037000499", "-3037000500",
            "9223372036854775807", "-9223372036854775808", "4611686018427387904", "12345678901234567890123",
            "-(2 ** 64)", "2 ** 53", "-(2 ** 53)", "10 ** 20");
    private static final List<String> FLOATS = List.of("0.0", "-0.0", "2.5", "-0.5", "0.1", "1e300", "-1e-7",
            "123456.789", "1e16", "3.0", "float(\"nan\")", "float(\"inf\")", "-float(\"inf\")", "2.675", "-2.5");
    private static final List<String> STRINGS = List.of("abc", "Hello World", "  a b  c ", "a,b,,c", "", "\u00df",
            "\u01c6x \u01c6", "x\u00a0y", "ab\u2003", "3\u00b2", "42", "-7", "tHiS iS", "they're 3rd", "\u0001\u2028",
            "1__0", "0x1f", " 12 ", "_1.5", "1_0.5", "a\tb\nc", "it's", "say \"hi\"");
    private static final List<String> SUBS = List.of("a", "b", "", ",", " ", "ab", "c", "x", "\u00df");
    private static final List<String> BOUNDS = List.of("-(10 ** 20)", "-4", "-1", "0", "1", "2", "5", "10 ** 20");
    private static final List<String> STEPS = List.of("1", "2", "-1", "-2", "3", "10 ** 20", "-(10 ** 20)");
    private static final List<String> SPECS = List.of(".2f", ">6", "<5", "^7", "08.3f", "+", ",", "x", "#x", "b",
            "e", ".3e", "g", ".3g", "%", ".1%", "*^9", "_", "d", "10.4", ".1", "-^8", "=+8", "#o", "X", "+.0f",
            " .2e", "G", "s", ".2s", "", ".0");
    private static final List<String> ARITH = List.of("+", "-", "*", "/", "//", "%");
    private static final List<String> COMPARE = List.of("<", "<=", "==", "!=", ">", ">=");

    /** One statement or expression, written in both languages. */
    record Dual(String par, String py) {
        /** Text that only spells nil, true and false differently: Python's None, True and False. */
        static Dual same(String text) {
            return new Dual(text, text.replaceAll("\\bnil\\b", "None").replaceAll("\\btrue\\b", "True")
                    .replaceAll("\\bfalse\\b", "False"));
        }

        static Dual call(String name, Dual... args) {
            return new Dual(name + "(" + join(args, Dual::par) + ")", name + "(" + join(args, Dual::py) + ")");
        }

        static Dual method(Dual target, String name, Dual... args) {
            return new Dual("(" + target.par + ")." + name + "(" + join(args, Dual::par) + ")",
                    "(" + target.py + ")." + name + "(" + join(args, Dual::py) + ")");
        }

        static Dual op(Dual a, String op, Dual b) {
            return new Dual("(" + a.par + " " + op + " " + b.par + ")", "(" + a.py + " " + op + " " + b.py + ")");
        }

        private static String join(Dual[] args, Function<Dual, String> side) {
            List<String> out = new ArrayList<>();
            for (Dual a : args) {
                out.add(side.apply(a));
            }
            return String.join(", ", out);
        }
    }

    private static long seed() {
        String given = System.getProperty("par.python.seed", "20261202");
        return given.equals("random") ? System.nanoTime() : Long.parseLong(given);
    }

    @Test
    void parAnswersAsPythonDoes() throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed: Par is not compared with Python");
        long seed = seed();
        Random r = new Random(seed);
        System.out.println("AgainstPythonTest: seed " + seed + "; replay with -Dpar.python.seed=" + seed);
        for (int batch = 0; batch < BATCHES; batch++) {
            List<Dual> statements = new ArrayList<>();
            for (int i = 0; i < PER_BATCH; i++) {
                statements.add(new Generator(r).statement());
            }
            compare(statements, batch % 2 == 1, seed);
        }
    }

    private static void compare(List<Dual> statements, boolean inFunction, long seed) throws Exception {
        StringBuilder par = new StringBuilder(PAR_PRELUDE + (inFunction ? "def t() {\n" : ""));
        StringBuilder py = new StringBuilder(PY_PRELUDE + (inFunction ? "def t():\n" : ""));
        String indent = inFunction ? "    " : "";
        for (Dual s : statements) {
            par.append(indent).append("try { ").append(s.par()).append(" } catch e { print(\"error\") }\n");
            py.append(indent).append("try:\n").append(indent).append("    ").append(s.py()).append('\n')
                    .append(indent).append("except Exception:\n").append(indent).append("    print('error')\n");
        }
        par.append(inFunction ? "}\nt()\n" : "");
        py.append(inFunction ? "t()\n" : "");
        String[] expected = python(py.toString()).split("\n", -1);
        String[] got = runPar(par.toString()).split("\n", -1);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < statements.size() && differences.size() < 10; i++) {
            String want = i < expected.length ? expected[i] : "(nothing)";
            String have = i < got.length ? got[i] : "(nothing)";
            if (!want.equals(have)) {
                differences.add("statement " + (i + 1) + (inFunction ? " (in a function)" : "") + "\n  par:    "
                        + statements.get(i).par() + "\n  python: " + statements.get(i).py() + "\n  python printed: "
                        + cut(want) + "\n  par printed:    " + cut(have));
            }
        }
        if (!differences.isEmpty()) {
            fail("Par and Python differ (seed " + seed + ", replay with -Dpar.python.seed=" + seed + "):\n"
                    + String.join("\n", differences));
        }
        assertEquals(expected.length, got.length, "the outputs have different lengths");
    }

    private static String cut(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "... (" + line.length() + " characters)" : line;
    }

    /** Makes random statements from one random source. */
    private static final class Generator {
        private final Random r;

        Generator(Random r) {
            this.r = r;
        }

        private String pick(List<String> from) {
            return from.get(r.nextInt(from.size()));
        }

        Dual statement() {
            switch (r.nextInt(10)) {
                case 0: case 1: return show(arithmetic(3));
                case 2: return show(comparison());
                case 3: case 4: return show(stringMethod());
                case 5: return show(slice());
                case 6: return fString();
                case 7: return show(listOrMap());
                case 8: return show(lambda());
                default: return mutation();
            }
        }

        private Dual show(Dual value) {
            return Dual.call("show", value);
        }

        /** A number from the pools, in parentheses when it is an expression (2 ** 53 ** 5 would be another). */
        private Dual number() {
            String n = r.nextInt(3) == 0 ? pick(FLOATS) : pick(INTS);
            return Dual.same(n.contains(" ") ? "(" + n + ")" : n);
        }

        Dual arithmetic(int depth) {
            if (depth == 0 || r.nextInt(4) == 0) {
                return number();
            }
            switch (r.nextInt(8)) {
                case 0: return Dual.op(arithmetic(depth - 1), "**", Dual.same(String.valueOf(r.nextInt(9) - 3)));
                case 1: return Dual.call(pick(List.of("abs", "int", "float", "round")), arithmetic(depth - 1));
                case 2: return Dual.call("round", arithmetic(depth - 1), Dual.same(pick(List.of("0", "1", "2",
                        "-1", "-2", "-30", "10 ** 10"))));
                case 3: return Dual.call(pick(List.of("min", "max")), Dual.same("[" + number().par() + ", "
                        + number().par() + ", " + number().par() + "]"));
                case 4: return Dual.same("-" + arithmetic(depth - 1).par());
                default: return Dual.op(arithmetic(depth - 1), pick(ARITH), arithmetic(depth - 1));
            }
        }

        Dual comparison() {
            if (r.nextInt(4) == 0) {
                String list = "[" + number().par() + ", " + number().par() + ", " + number().par() + "]";
                return Dual.call("sorted", Dual.same(list));
            }
            return Dual.op(arithmetic(1), pick(COMPARE), arithmetic(1));
        }

        private Dual string() {
            return Dual.same(literal(pick(STRINGS)));
        }

        private Dual sub() {
            return Dual.same(literal(pick(SUBS)));
        }

        private Dual bound() {
            return Dual.same(pick(BOUNDS));
        }

        Dual stringMethod() {
            Dual s = string();
            switch (r.nextInt(16)) {
                case 0: return Dual.method(s, pick(List.of("upper", "lower", "strip", "lstrip", "rstrip", "title",
                        "capitalize", "swapcase", "isdigit", "isalpha", "isspace", "split")));
                case 1: return Dual.method(s, "split", sub());
                case 2: return Dual.method(s, "split", r.nextBoolean() ? sub() : Dual.same("nil"), bound());
                case 3: return Dual.method(s, "replace", sub(), sub());
                case 4: return Dual.method(s, "replace", sub(), sub(), bound());
                case 5: return Dual.method(s, pick(List.of("find", "count", "index", "rfind", "startswith",
                        "endswith")), sub(), bound());
                case 6: return Dual.method(s, pick(List.of("find", "count", "rindex", "startswith")), sub(), bound(),
                        bound());
                case 7: return Dual.method(s, pick(List.of("center", "zfill", "ljust", "rjust")),
                        Dual.same(String.valueOf(r.nextInt(12) - 2)));
                case 8: return Dual.method(s, "center", Dual.same(String.valueOf(r.nextInt(12))),
                        Dual.same(literal(pick(List.of("*", "-", "ab")))));
                case 9: return Dual.call(pick(List.of("int", "float", "len", "repr", "str")), s);
                case 10: return Dual.method(Dual.same(literal(pick(List.of(", ", "", "-")))), "join",
                        Dual.same("[" + string().par() + ", " + string().par() + "]"));
                case 11: return Dual.call("int", Dual.same(literal(pick(List.of("0x1f", "10", "0o17", "0b_101",
                        "-0x10", "010", "0_0", "z", "ff", "1__0")))), Dual.same(pick(List.of("0", "16", "8", "2",
                        "36", "10", "1", "37"))));
                case 12: return Dual.op(s, "+", string());
                case 13: return Dual.op(s, "*", Dual.same(String.valueOf(r.nextInt(5) - 1)));
                case 14: return Dual.op(sub(), pick(List.of("in", "not in")), s);
                default: return Dual.method(Dual.same(literal(pick(List.of("{} and {}", "{1}{0}", "{:>6}|{:<4}",
                        "{!r}:{}", "{{}}{}{}", "{:.2f} {:x}")))), "format", number(), number());
            }
        }

        Dual slice() {
            String lo = r.nextBoolean() ? pick(BOUNDS) : "";
            String hi = r.nextBoolean() ? pick(BOUNDS) : "";
            String step = r.nextBoolean() ? ":" + pick(STEPS) : "";
            Dual seq = r.nextBoolean() ? string() : Dual.same("[1, 2, 3, 4, 5, 6]");
            if (r.nextInt(4) == 0) {
                String index = "[" + pick(BOUNDS) + "]";
                return new Dual(seq.par() + index, seq.py() + index);
            }
            String sub = "[" + lo + ":" + hi + step + "]";
            return new Dual(seq.par() + sub, seq.py() + sub);
        }

        /** An f-string with one field: its value is bound to v first, so that no quote need nest. */
        Dual fString() {
            String value = r.nextInt(3) == 0 ? literal(pick(STRINGS)) : r.nextBoolean() ? pick(INTS) : pick(FLOATS);
            String spec = pick(SPECS);
            String conversion = r.nextInt(8) == 0 ? "!r" : "";
            String text = "f'<{v" + conversion + (spec.isEmpty() ? "" : ":" + spec) + "}|{len(str(v))}>'";
            return Dual.same("v = " + value + "; show(" + text + ")");
        }

        Dual listOrMap() {
            switch (r.nextInt(6)) {
                case 0: return Dual.same("[v * 2 for v in [" + pick(INTS) + ", " + pick(FLOATS) + ", 3] if v != 0]");
                case 1: return Dual.same("{" + pick(List.of("1", "1.0", "-0.0", "0", "'a'")) + ": 'x', "
                        + pick(List.of("1", "1.0", "0.0", "2", "'a'")) + ": 'y'}");
                case 2: return Dual.same("range(" + pick(List.of("2 ** 31", "-2 ** 63, 2 ** 63 - 1, 2 ** 62",
                        "10, -10, -3", "5")) + ")[" + pick(List.of("-1", "0", "1", "-2", "3")) + "]");
                case 3: return Dual.same(pick(List.of("2.5 in range(3)", "2.0 in range(3)", "len(range(-2 ** 62, 2 ** 62 - 1))", "range(2 ** 40)[2 ** 35]",
                        "list(range(-2 ** 63, 2 ** 63 - 1, 2 ** 62))", "bool(range(5, 5))")));
                case 4: return Dual.same(pick(List.of("sum", "len", "min", "max", "sorted")) + "([" + pick(INTS)
                        + ", " + pick(FLOATS) + ", " + pick(INTS) + "])");
                default: return Dual.same("[" + pick(INTS) + ", 'a', [" + pick(FLOATS) + "]] + [nil]");
            }
        }

        Dual lambda() {
            String body = pick(List.of("v * 2 + 1", "v if v else -1", "[v, v]", "str(v) + '!'", "-v"));
            String value = r.nextBoolean() ? pick(INTS) : literal(pick(STRINGS));
            switch (r.nextInt(3)) {
                case 0: return Dual.same("(lambda v: " + body + ")(" + value + ")");
                case 1: {
                    String key = "lambda v: " + pick(List.of("-v", "v * v", "abs(v)", "str(v)"));
                    return new Dual("sorted([3, -1, 2, -7], " + key + ")", "sorted([3, -1, 2, -7], key=" + key + ")");
                }
                default: return Dual.same("[(lambda a, b: a * b)(v, 2) for v in [" + value + ", 1]]");
            }
        }

        /** Statements that change a list or map in place, then show it. */
        Dual mutation() {
            String setup = "xs = [0, 1, 2, 3, 4, 5]; m = {'a': 1, 'b': 2}; ";
            String change = pick(List.of(
                    "xs[" + pick(BOUNDS) + ":" + pick(BOUNDS) + "] = ['p', 'q']",
                    "xs[::" + pick(STEPS) + "] = " + pick(List.of("[7, 8, 9]", "[]", "[7, 8, 9, 10, 11, 12]", "'abc'")),
                    "del xs[" + pick(BOUNDS) + "]",
                    "del xs[" + pick(BOUNDS) + ":" + pick(BOUNDS) + ":" + pick(STEPS) + "]",
                    "del m['" + pick(List.of("a", "b", "c")) + "']",
                    "xs[1:1] = xs",
                    "m[1.0] = 'f'; m[1] = 'i'"));
            String result = r.nextBoolean() ? "show(xs)" : "show(m)";
            return Dual.same(setup + change + "; " + result);
        }
    }

    /** A string literal both languages read alike: printable ASCII as is, the rest as \\uHHHH. */
    static String literal(String s) {
        StringBuilder out = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (c == '\'' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('\'').toString();
    }

    private static String runPar(String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        Interpreter interp = new Interpreter(InputStream.nullInputStream(), new StreamOutput(out, false), err);
        assertEquals(ScriptRunner.OK, ScriptRunner.run(interp, source, "against.par"),
                errBytes.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean pythonAvailable() {
        try {
            return new ProcessBuilder("python3", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String python(String source) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-").redirectErrorStream(true).start();
        p.getOutputStream().write(source.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
