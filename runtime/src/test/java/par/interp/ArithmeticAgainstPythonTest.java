package par.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Random arithmetic over ints (small, at the edges of a long, huge) and floats, printed by Par
 * and by Python 3, line for line the same (no strings or lists: Python would really try to
 * build "ab" * 3037000500). The int fast paths (longs unboxed
 * between operators, constants folded into nodes) must never change a result, an overflow
 * into big ints, or which operations fail. Each expression runs in a function (local names)
 * and at top level (global names). Skipped where there is no python3.
 */
class ArithmeticAgainstPythonTest {
    private static final List<String> VALUES = List.of("0", "1", "-1", "7", "-13", "3037000499", "3037000500",
            "-3037000500", "9223372036854775807", "-9223372036854775807", "4611686018427387904", "2.5", "-0.5",
            "1e300", "12345678901234567890123");
    private static final List<String> OPS = List.of("+", "-", "*", "%");

    @Test
    void parPrintsWhatPythonPrints() throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed");
        Random random = new Random(20261125);
        StringBuilder par = new StringBuilder("def t() {\n");
        StringBuilder py = new StringBuilder("def t():\n");
        StringBuilder parTop = new StringBuilder();
        StringBuilder pyTop = new StringBuilder();
        for (int k = 0; k < 400; k++) {
            String assign = "a = " + pick(random) + "\nb = " + pick(random) + "\nc = " + pick(random) + "\n";
            String e = expr(random, 3);
            String parCase = assign + "try { print(" + e + ") } catch err { print('error') }\n";
            String pyCase = assign + "try:\n    print(" + e + ")\nexcept Exception:\n    print('error')\n";
            par.append(parCase.indent(4));
            py.append(pyCase.indent(4));
            parTop.append(parCase);
            pyTop.append(pyCase);
        }
        par.append("}\nt()\n").append(parTop);
        py.append("t()\n").append(pyTop);
        assertEquals(python(py.toString()), runPar(par.toString()));
    }

    private static String pick(Random random) {
        return VALUES.get(random.nextInt(VALUES.size()));
    }

    private static String expr(Random random, int depth) {
        if (depth == 0 || random.nextDouble() < 0.3) {
            return random.nextBoolean() ? "abc".substring(random.nextInt(3)).substring(0, 1) : pick(random);
        }
        String op = OPS.get(random.nextInt(OPS.size()));
        String left = expr(random, depth - 1);
        String right = op.equals("%") ? List.of("7", "1000007", "3", "b").get(random.nextInt(4)) : expr(random, depth - 1);
        return "(" + left + " " + op + " " + right + ")";
    }

    private static String runPar(String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Interpreter interp = new Interpreter(InputStream.nullInputStream(), new StreamOutput(out, false), err);
        assertEquals(ScriptRunner.OK, ScriptRunner.run(interp, source, "arith.par"));
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
        Process p = new ProcessBuilder("python3", "-c", source).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
