package par.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The par command's own behaviour: its options, where it reads the program from, and its exit statuses. */
class MainTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String stdin, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(argv, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void version() {
        assertEquals(new Run(0, "par 0.1.0\n", ""), run("", "--version"));
    }

    @Test
    void helpStartsWithUsage() {
        Run r = run("", "--help");
        assertEquals(0, r.status);
        assertEquals("usage: par [options] [FILE.par [args...]]", r.out.lines().findFirst().orElse(""));
    }

    @Test
    void codeFromTheCommandLineSeesItsArguments() {
        assertEquals(new Run(0, "['a', 'b'] 3\n", ""), run("", "-c", "print(args, 1 + 2)", "a", "b"));
    }

    @Test
    void scriptFromStandardInput() {
        assertEquals(new Run(0, "2\n", ""), run("print(1+1)\n"));
    }

    @Test
    void fileWithArguments() throws Exception {
        Path script = dir.resolve("s.par");
        Files.writeString(script, "print(len(args), args[0])\n");
        assertEquals(new Run(0, "2 x\n", ""), run("", script.toString(), "x", "y"));
    }

    @Test
    void missingFile() {
        assertEquals(new Run(2, "", "par: error: cannot open nope.par: no such file\n"), run("", "nope.par"));
    }

    @Test
    void unknownOption() {
        assertEquals(new Run(2, "", "par: error: unknown option --frob (see par --help)\n"), run("", "--frob"));
    }

    @Test
    void syntaxErrorExitsTwo() {
        assertEquals(new Run(2, "", "<string>:1:8: error: expected an expression, found end of file\n"
                + "    x = 1 +\n           ^\n"), run("", "-c", "x = 1 +"));
    }

    @Test
    void runtimeErrorExitsOne() {
        assertEquals(new Run(1, "before\n", "<string>:2: error: division by zero\n  in <main> at <string>:2\n"),
                run("", "-c", "print(\"before\")\nprint(1 / 0)"));
    }

    @Test
    void exitStatusFromExit() {
        assertEquals(new Run(3, "", ""), run("", "-c", "exit(3)"));
    }
}
