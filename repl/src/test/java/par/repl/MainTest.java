package par.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The par command's own behaviour: its options, where it reads the program from, and its exit statuses. */
class MainTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String stdin, String... argv) {
        return run(RawArgs.NONE, stdin.getBytes(StandardCharsets.UTF_8), argv);
    }

    private static Run run(RawArgs.Source raw, byte[] stdin, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(argv, raw, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A program whose second line holds a byte that is not UTF-8 (Latin-1's e-acute). */
    private static final byte[] NOT_UTF8 = "x = 1\nprint(\"caf\u00e9!\")\n".getBytes(StandardCharsets.ISO_8859_1);

    private static String notUtf8Error(String name) {
        return name + ":2: error: not valid UTF-8 at line 2, byte 11\n    print(\"caf\\xe9!\")\n              ^\n";
    }

    /** The version names the Java it runs on: its version, its VM and where it lives. */
    @Test
    void version() {
        Run r = run("", "--version");
        assertEquals(0, r.status);
        assertTrue(r.out.matches("par 0\\.1\\.0 \\(Java " + Runtime.version().feature() + "[^ ,]*, [^,]*VM, /[^,]+\\)\n"),
                r.out);
    }

    @Test
    void aDirectoryIsNotAScript() {
        assertEquals(new Run(2, "", "par: error: cannot read " + dir + ": it is a directory (give a .par file)\n"),
                run("", dir.toString()));
    }

    @Test
    void aBinaryFileIsNotAScript() throws IOException {
        Path jar = dir.resolve("a.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4, 0, 0, (byte) 0xff, 0x10});
        assertEquals(new Run(2, "", "par: error: cannot read " + jar + ": it is a binary file, not a Par script\n"),
                run("", jar.toString()));
    }

    @Test
    void historyFollowsTheXdgStateDirectoryAndHome() {
        assertEquals(Path.of("/s/par/history"), Main.historyFile(Map.of("XDG_STATE_HOME", "/s", "HOME", "/h")));
        assertEquals(Path.of("/h/.local/state/par/history"), Main.historyFile(Map.of("HOME", "/h")));
        assertEquals(Path.of("/h/.local/state/par/history"),
                Main.historyFile(Map.of("XDG_STATE_HOME", "relative", "HOME", "/h")), "a relative one is ignored");
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

    /** A schedule the command cannot use is refused before anything runs, with status 2. */
    @Test
    void badSchedulesAreRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        assertEquals(new Run(2, "", "par: error: --schedule needs a whole number as its seed, not 'x'\n"),
                run("", "--schedule", "x", "-c", "print(1)"));
        assertEquals(new Run(2, "", "par: error: unknown strategy 'dfs' (random, or pct:D)\n"),
                run("", "--schedule", "1", "--strategy", "dfs", "-c", "print(1)"));
        assertEquals(new Run(2, "", "par: error: --strategy pct:D needs a depth D from 1 to 100, not '0'\n"),
                run("", "--schedule", "1", "--strategy", "pct:0", "-c", "print(1)"));
        assertEquals(new Run(2, "", "par: error: --record needs --schedule SEED\n"),
                run("", "--record", "r.txt", "-c", "print(1)"));
        assertEquals(new Run(2, "", "par: error: --schedule needs a seed\n"), run("", "--schedule"));
        java.nio.file.Path notOne = java.nio.file.Files.writeString(dir.resolve("not.txt"), "hello\n");
        java.nio.file.Path cut = java.nio.file.Files.writeString(dir.resolve("cut.txt"),
                "# par schedule 1\n# program <string>\n# seed 3\n1\tmain\tturn\t-\t-\n");
        java.nio.file.Path other = java.nio.file.Files.writeString(dir.resolve("other.txt"),
                "# par schedule 1\n# program b.par\n# seed 3\n# end 0\n");
        assertEquals(new Run(2, "", "par: error: " + notOne + " is not a schedule recorded by this par (it should begin"
                + " '# par schedule 1')\n"), run("", "--replay", notOne.toString(), "-c", "print(1)"));
        assertEquals(new Run(2, "", "par: error: " + cut + " is cut short: it has no '# end' line\n"),
                run("", "--replay", cut.toString(), "-c", "print(1)"));
        assertEquals(new Run(2, "", "par: error: " + other + " was recorded for b.par, not <string>\n"),
                run("", "--replay", other.toString(), "-c", "print(1)"));
        assertEquals(new Run(2, "", "par: error: --schedule and --replay cannot go together (a recording has its own"
                + " seed)\n"), run("", "--schedule", "1", "--replay", other.toString(), "-c", "print(1)"));
    }

    @Test
    void syntaxErrorExitsTwo() {
        assertEquals(new Run(2, "", "<string>:1:8: error: expected an expression, found end of file\n"
                + "    x = 1 +\n           ^\n"), run("", "-c", "x = 1 +"));
    }

    @Test
    void runtimeErrorExitsOne() {
        assertEquals(new Run(1, "before\n", "<string>:2: error: division by zero\n"
                + "    print(1 / 0)\n          ^^^^^\n  in <main> at <string>:2\n"),
                run("", "-c", "print(\"before\")\nprint(1 / 0)"));
    }

    @Test
    void exitStatusFromExit() {
        assertEquals(new Run(3, "", ""), run("", "-c", "exit(3)"));
    }

    @Test
    void fileThatIsNotUtf8() throws Exception {
        Path script = dir.resolve("bad.par");
        Files.write(script, NOT_UTF8);
        assertEquals(new Run(2, "", notUtf8Error(script.toString())), run("", script.toString()));
    }

    @Test
    void standardInputThatIsNotUtf8() {
        assertEquals(new Run(2, "", notUtf8Error("<stdin>")), run(RawArgs.NONE, NOT_UTF8));
        assertEquals(new Run(2, "", notUtf8Error("<stdin>")), run(RawArgs.NONE, NOT_UTF8, "-"));
    }

    @Test
    void codeThatIsNotUtf8() {
        // what the JVM hands main for these bytes in a UTF-8 locale, and the bytes themselves
        String decoded = new String(NOT_UTF8, StandardCharsets.UTF_8);
        RawArgs.Source raw = new RawArgs.Source() {
            @Override
            public byte[] bytes(int index) {
                return index == 1 ? NOT_UTF8 : null;
            }
        };
        assertEquals(new Run(2, "", notUtf8Error("<string>")), run(raw, new byte[0], "-c", decoded));
    }

    @Test
    void invalidBytesAreShownEscapedAndControlCharactersToo() {
        byte[] source = {'p', 'r', 'i', 'n', 't', '(', '"', 1, '\t', (byte) 0xff, (byte) 0xe2, (byte) 0x82, '"', ')'};
        assertEquals(new Run(2, "", "<stdin>:1: error: not valid UTF-8 at line 1, byte 10\n"
                + "    print(\"\\x01 \\xff\\xe2\\x82\")\n                ^\n"), run(RawArgs.NONE, source));
    }

    @Test
    void aReplacementCharacterWrittenInTheSourceIsFine() {
        assertEquals(new Run(0, "\ufffd\n", ""), run("", "-c", "print(\"\ufffd\")"));
        assertEquals(new Run(0, "1\n", ""), run("print(len(\"\ufffd\"))"));
    }

    /**
     * The real command, given bytes through a shell: the JVM turns the bad byte into U+FFFD,
     * and in the C locale every non-ASCII byte, so -c code is read again from the bytes.
     */
    @Test
    void codeBytesFromTheRealCommandLine() throws Exception {
        assertEquals(new Run(2, "", notUtf8Error("<string>")),
                runReal("C.UTF-8", "x = 1\\nprint(\\\"caf\\351!\\\")\\n"));
        assertEquals(new Run(0, "caf\u00e9 4\n", ""), runReal("C", "print(\\\"caf\\303\\251\\\", len(\\\"caf\\303\\251\\\"))"));
    }

    /** Runs par -c with the code printf makes of format, in the given locale. */
    private static Run runReal(String locale, String format) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "exec \"$0\" -cp \"$1\" par.repl.Main -c \"$(printf \"$2\")\"",
                java, System.getProperty("java.class.path"), format);
        pb.environment().put("LC_ALL", locale);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        int status = p.waitFor();
        return new Run(status, new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
