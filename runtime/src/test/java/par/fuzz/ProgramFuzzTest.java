package par.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import par.interp.ErrorPrinter;
import par.interp.ExitRequest;
import par.interp.Interpreter;
import par.interp.Output;
import par.interp.ParError;
import par.syntax.SyntaxError;

/**
 * Programs of the golden corpus, mutated (spans cut, doubled, swapped or spliced in from
 * another script; tokens and edge values dropped in), run through the whole pipeline: parser,
 * resolver, interpreter, error printer. Whatever the text, the run must end as a Par program
 * does (a syntax error, a located runtime error, or success), never with a Java exception.
 * Processes are not started here (a spawn is a Par error): thousands of JVMs would not fit
 * the suite's time; the codec that carries values between them is fuzzed on its own.
 */
class ProgramFuzzTest {
    private static final String FILE = "fuzz.par";
    /** A program still running after this long is interrupted, as Ctrl-C would. */
    private static final long PATIENCE_MS = 1000;

    private static final String[] TOKENS = {
        "(", ")", "[", "]", "{", "}", ",", ":", ";", "\n", "=", "==", "!=", "+", "-", "*", "/", "//", "%",
        "**", "<", ">=", " not ", " and ", " or ", " in ", "if ", " else ", "elif ", "while ", "for ", "def ",
        "return ", "break", "continue", "try ", "catch ", "finally ", "raise ", "with ", "spawn ", "join ",
        "global ", "as ", "nil", "true", "false", "0", "-1", "1e308", "-1e308", "9223372036854775807",
        "-9223372036854775808", "18446744073709551616", "0.0", "-0.0", "\"\"", "\"\\u0000\"", "\"\\ud83d\"",
        "\"😀\"", "\"é\"", "\t", "#", "\"\"\"", "\\", "$", "@", "\u00a0", "\u0000", "\ud83d", "x", "f(", "len(",
        "range(", "chr(", "ord(", "int(", "float(", "str(", "repr(", "sorted(", "print(", "input(", "exit(",
        "abs(", "min(", "max(", "sum(", "round(", ".append(", ".split(", ".get(", ".keys()", "[::-1]", "[1:]",
        "[-1]", "10**400", "2**63", "{}", "[]", "lock()", "queue()", "shared(0)", "pool(2)", "cpu_count()",
    };

    @Test
    void mutatedProgramsEndAsParProgramsDo() throws Exception {
        List<String> corpus = Fuzzing.corpus();
        SplittableRandom random = new SplittableRandom(Fuzzing.seed("mutated programs"));
        int cases = Fuzzing.cases(2500);
        List<String> failures = new ArrayList<>();
        int[] byStatus = new int[3];
        int interrupted = 0;
        for (int i = 0; i < cases && failures.size() < 5; i++) {
            String program = mutate(corpus, random);
            Run run = new Run(program);
            run.finish();
            if (run.failure != null) {
                failures.add("case " + i + ": " + describe(run.failure) + "\n--- program:\n"
                        + (program.length() > 4000 ? program.substring(0, 4000) + "..." : program) + "\n---");
            } else if (run.interrupted) {
                interrupted++;
            } else if (run.status >= 0 && run.status <= 2) {
                byStatus[run.status]++;
            }
        }
        System.out.println("mutated programs: " + cases + " run; " + byStatus[0] + " ran to the end, "
                + byStatus[1] + " stopped with a runtime error, " + byStatus[2] + " with a syntax error, "
                + interrupted + " interrupted after " + PATIENCE_MS + " ms");
        assertEquals("", String.join("\n\n", failures));
    }

    /** One to four mutations of one script of the corpus. */
    static String mutate(List<String> corpus, SplittableRandom r) {
        StringBuilder s = new StringBuilder(corpus.get(r.nextInt(corpus.size())));
        int mutations = 1 + r.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = s.length() == 0 ? 0 : r.nextInt(s.length() + 1);
            int span = Math.min(s.length() - at, 1 + r.nextInt(24));
            switch (r.nextInt(6)) {
                case 0 -> s.delete(at, at + span);
                case 1 -> s.insert(at, s.substring(at, at + span));
                case 2 -> s.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 3 -> {
                    if (span > 0) {
                        s.setCharAt(at, (char) r.nextInt(0x80 + 0x40)); // mostly ASCII, some Latin-1
                    }
                }
                case 4 -> swapLines(s, r);
                default -> {
                    String other = corpus.get(r.nextInt(corpus.size()));
                    int from = r.nextInt(other.length());
                    s.insert(at, other, from, Math.min(other.length(), from + 1 + r.nextInt(80)));
                }
            }
        }
        return s.toString();
    }

    private static void swapLines(StringBuilder s, SplittableRandom r) {
        String[] lines = s.toString().split("\n", -1);
        if (lines.length < 2) {
            return;
        }
        int a = r.nextInt(lines.length);
        int b = r.nextInt(lines.length);
        String t = lines[a];
        lines[a] = lines[b];
        lines[b] = t;
        s.setLength(0);
        s.append(String.join("\n", lines));
    }

    private static String describe(Throwable t) {
        StringBuilder d = new StringBuilder(t.toString());
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(8, frames.length); i++) {
            d.append("\n    at ").append(frames[i]);
        }
        return d.toString();
    }

    /**
     * One program run to its end on a large-stack thread, as the par command runs it, its
     * output counted and dropped. A Java exception out of any stage is the failure the test
     * looks for; so is a runtime error printed without its place.
     */
    private static final class Run implements Runnable {
        private final String program;
        private final Interpreter interp;
        private final Sink errors = new Sink();
        private final Thread thread;
        int status = -1;
        volatile boolean interrupted;
        Throwable failure;

        Run(String program) {
            this.program = program;
            this.interp = new Interpreter(new ByteArrayInputStream(new byte[0]), new Counted(),
                    new PrintStream(errors, true, StandardCharsets.UTF_8));
            this.thread = new Thread(null, this, "fuzz-case", 1L << 30);
            thread.setDaemon(true); // a case that cannot be stopped must not keep the test JVM alive
            thread.start();
        }

        @Override
        public void run() {
            try {
                interp.run(program, FILE);
                status = 0;
            } catch (SyntaxError e) {
                ErrorPrinter.print(e, program, interp.err());
                status = 2;
            } catch (ParError e) {
                ErrorPrinter.print(e, "", interp.err());
                status = 1;
                String shown = errors.text();
                if (!interrupted && !shown.startsWith(FILE + ":")) {
                    failure = new AssertionError("a runtime error without its place: " + shown);
                }
            } catch (ExitRequest e) {
                status = e.status; // exit(n): the program's own choice
            } catch (OutOfMemoryError e) {
                status = 1; // the par command reports it as "out of memory"
            } catch (Throwable e) {
                failure = e;
            }
        }

        /** Waits for the run; one that takes too long is interrupted, and then given up on. */
        void finish() throws InterruptedException {
            thread.join(PATIENCE_MS);
            if (thread.isAlive()) {
                interrupted = true;
                interp.interruptRunning();
                thread.join(5000);
            }
            if (thread.isAlive()) {
                failure = new AssertionError("still running 5 s after it was interrupted");
            }
        }
    }

    /** A program's printed lines, counted and dropped (a mutant may print for ever). */
    private static final class Counted implements Output {
        @Override
        public void line(String text) {
        }

        @Override
        public void flush() {
        }
    }

    /** Bytes dropped but for the first few hundred, enough to read an error's first line. */
    private static final class Sink extends OutputStream {
        private final java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (first.size() < 400) {
                first.write(b);
            }
        }

        synchronized String text() {
            return first.toString(StandardCharsets.UTF_8);
        }
    }
}
