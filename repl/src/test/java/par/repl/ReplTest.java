package par.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The REPL driven through a JLine dumb terminal with scripted input, and the real one in tmux. */
@Timeout(120)
class ReplTest {
    /** Runs a whole session and gives back what the terminal showed, without prompts. */
    private static String session(String input) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", "dumb",
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            assertEquals(0, new Repl(terminal, null).run());
        }
        List<String> lines = new ArrayList<>();
        for (String line : screen.toString(StandardCharsets.UTF_8).split("\r?\n")) {
            String shown = line.replace(Repl.PROMPT, "").replace(Repl.CONTINUATION, "").stripTrailing();
            if (!shown.isEmpty()) {
                lines.add(shown);
            }
        }
        return String.join("\n", lines);
    }

    /** Each expected line appears in what was shown, in this order. */
    private static void assertShows(String shown, String... expected) {
        int from = 0;
        for (String line : expected) {
            int at = shown.indexOf(line, from);
            assertTrue(at >= 0, "the session did not show (in order):\n" + line + "\n--- it showed:\n" + shown);
            from = at + line.length();
        }
    }

    @Test
    void multiLineDefinitionThenEcho() throws Exception {
        String shown = session("def sq(x) {\n    return x * x\n}\nsq(12)\n[sq(2), 'a', nil]\nprint(nil)\nnil\n");
        assertTrue(shown.endsWith("\n144\n[4, 'a', nil]\nnil"), "print(nil) prints nil, nil itself is not echoed: " + shown);
    }

    @Test
    void errorsAreShownAndTheSessionGoesOn() throws Exception {
        String shown = session("print(1 +)\nx = 1 / 0\nx = 5\nx\n");
        assertShows(shown, "<repl>:1:10: error: expected an expression, found ')'\n    print(1 +)\n             ^",
                "<repl>:1: error: division by zero\n    x = 1 / 0\n        ^^^^^\n  in <main> at <repl>:1\n5");
    }

    /**
     * Every input is {@code <repl>} from its line 1: an error shows its line from the input that
     * defined the function it is in, not from the input typed last; in a child process too.
     */
    @Test
    void anErrorShowsTheLineOfTheInputItIsIn() throws Exception {
        String shown = session("def half(x) {\n    return x / 0\n}\nhalf(4)\np = spawn half(6)\n"
                + "try { join p } catch e { print(\"joined\") }\n");
        String place = "\n        return x / 0\n               ^^^^^\n  in half at <repl>:2";
        assertShows(shown, "<repl>:2: error: division by zero" + place + "\n  in <main> at <repl>:1\n",
                "<repl>:2: error: division by zero (in process p1, pid ", ")" + place, "joined");
    }

    @Test
    void deepInputIsParsedOnTheLargeStackNotTheEndOfTheSession() throws Exception {
        // far deeper than the prompt's own thread can parse or resolve: JLine's check that the
        // input is complete overflows there (and takes the input as complete), while the input
        // itself is parsed, resolved and run on the large stack
        String minus = "-".repeat(50_000) + "1";
        String parens = "(".repeat(20_000) + "2" + ")".repeat(20_000);
        String shown = session(minus + "\n" + parens + "\n\"still here\"\n");
        assertTrue(shown.endsWith("\n1\n2\n'still here'"), shown);
    }

    @Test
    void globalsPersistAndResetForgetsThem() throws Exception {
        String shown = session("total = 10\ntotal += 5\ntotal\n:reset\ntotal\n");
        assertShows(shown, "\n15\nall globals forgotten\n<repl>:1: error: name 'total' is not defined");
    }

    /**
     * Being the scheduler: two children each read a shared counter and write it back plus one;
     * stepping read, read, write, write by hand loses one of the two updates, every time.
     */
    @Test
    void aLostUpdateStepByStep() throws Exception {
        String shown = session("c = shared(0)\ndef add(c) {\n    v = c.value\n    c.value = v + 1\n}\n:sched step\n"
                + "a = spawn add(c) as 'a'\nb = spawn add(c) as 'b'\n:step a\n:step b\n:ps\n:step a\n:step b\n"
                + "join a\njoin b\n:sched run\nc.value\n:step\n");
        assertShows(shown, "stepping: spawned processes wait at each step",
                "step 1: a read c <repl>:2; a now wants write c <repl>:3",
                "step 2: b read c <repl>:2; b now wants write c <repl>:3",
                "a        pid", "wants write c <repl>:3", "b        pid", "wants write c <repl>:3",
                "step 3: a write c <repl>:3; a has finished", "step 4: b write c <repl>:3; b has finished",
                "running free",
                "\n1\n", "not stepping (:sched step starts)");
    }

    /** Stepping two processes into a lock-order deadlock: the step that closes the cycle reports it. */
    @Test
    void aDeadlockStepByStep() throws Exception {
        String shown = session("x = lock()\ny = lock()\n"
                + "def both(p, q) {\n    with p {\n        with q { pass }\n    }\n}\n:sched step\n"
                + "a = spawn both(x, y) as 'a'\nb = spawn both(y, x) as 'b'\n:step a\n:step b\n:step a\n"
                + ":step b\n:sched run\n\"still here\"\n");
        assertShows(shown, "step 1: a acquire x <repl>:2; a now wants acquire y <repl>:3",
                "step 2: b acquire y <repl>:2; b now wants acquire x <repl>:3",
                "step 3: a acquire y <repl>:3; a waits for y",
                "error: deadlock", "  a (pid ", ") at <repl>:3 waits for y, holds x (taken at line 2)",
                "  b (pid ", ") at <repl>:3 waits for x, holds y (taken at line 2)",
                "  the cycle: a holds x, waits for y -> b holds y, waits for x -> a",
                "step 4: b acquire x <repl>:3; b waits for x", "running free", "'still here'");
        assertFalse(shown.contains("warning"), "the deadlock's stopped processes are no news: " + shown);
    }

    /**
     * :graph shows who waits for whom: stepping puts a on the queue and b behind a's lock, so
     * the graph is the same every time; with nobody waiting it says so.
     */
    @Test
    void graphShowsWhoWaitsForWhom() throws Exception {
        String shown = session("l = lock()\nq = queue()\ndef holder(l, q) {\n    with l { q.get() }\n}\n"
                + "def waiter(l) { with l { pass } }\n:graph\n:sched step\na = spawn holder(l, q) as 'a'\n"
                + "b = spawn waiter(l) as 'b'\n:step a\n:step a\n:step b\n:graph\n:sched run\nq.put(1)\n"
                + "join a\njoin b\n:graph\n");
        assertShows(shown, "no process is waiting",
                "step 1: a acquire l <repl>:2; a now wants get q <repl>:2",
                "step 2: a get q <repl>:2; a waits to get from queue q, which is empty",
                "step 3: b acquire l <repl>:1; b waits for l",
                "a: waits to get from queue q, which is empty\nb -> a: waits for l, which a holds\n",
                "running free", "no process is waiting");
    }

    @Test
    void aFunctionTypedAtThePromptRunsInAChild() throws Exception {
        String shown = session("def cube(x) { return x * x * x }\np = spawn cube(3)\njoin p\np.pid != pid()\n");
        assertTrue(shown.endsWith("\n27\ntrue"), shown);
    }

    /**
     * A lambda typed at the prompt travels as any function does (as its AST, with what it
     * captures): where Python cannot pickle one for a pool, Par runs it in the workers.
     */
    @Test
    void aLambdaTypedAtThePromptRunsInAChildAndAPool() throws Exception {
        String shown = session("k = 10\nf = lambda x: x * k\njoin spawn f(4)\nw = pool(2)\n"
                + "w.map(lambda x: x * x, [1, 2, 3])\nw.close()\n");
        assertShows(shown, "\n40\n[1, 4, 9]");
    }

    /**
     * A child gets the globals its function reaches through the functions it calls; a function
     * typed after a pool was made is shipped with the globals it reads that the workers lack.
     */
    @Test
    void functionsTypedAtThePromptTakeTheGlobalsTheyRead() throws Exception {
        String shown = session("scale = 3\ndef times(x) { return x * scale }\ndef work(x) { return times(x) + 1 }\n"
                + "join spawn work(2)\ndata = [10, 20, 30]\nw = pool(1)\ndef pick(i) { return data[i] + work(i) }\n"
                + "w.map(pick, [0, 2])\nw.close()\n");
        assertShows(shown, "\n7\n[11, 37]");
    }

    @Test
    void psListsRunningProcessesAndQuitStopsThem() throws Exception {
        String shown = session("def slow() { sleep(60) }\nk = spawn slow() as \"sleeper\"\nsleep(0.5)\n:ps\n:quit\n");
        assertTrue(shown.matches("(?s).*\nsleeper +pid \\d+ +running\nstopped 1 running process"), shown);
    }

    @Test
    void aDeadlockStopsTheStatementNotTheSession() throws Exception {
        String shown = session("l = lock()\nl.acquire()\ndef w(l) { with l { print(1) } }\np = spawn w(l)\n"
                + "join p\n\"still here\"\n");
        assertShows(shown, "error: deadlock\n  main (pid ", ") at <repl>:1 waits to join p1, holds l (taken at line 1)\n  p1 (pid ",
                ") at <repl>:1 waits for l", "the cycle: main holds l, waits to join p1 -> p1, waits for l -> main",
                "'still here'");
    }

    @Test
    void loadRunsAFileInTheSession(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("lib.par");
        java.nio.file.Files.writeString(file, "def half(x) { return x / 2 }\nprint(\"loaded\")\n");
        String shown = session(":load " + file + "\nhalf(9)\n:load nope.par\n:frob\n");
        assertShows(shown, "loaded\n4.5\ncannot open nope.par: no such file\nunknown command :frob (try :help)");
    }

    @Test
    void loadRefusesAFileThatIsNotUtf8(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.par");
        java.nio.file.Files.write(file, "print(\"caf\u00e9\")\n".getBytes(StandardCharsets.ISO_8859_1));
        String shown = session(":load " + file + "\n1 + 1\n");
        assertShows(shown, file + ":1: error: not valid UTF-8 at line 1, byte 11\n    print(\"caf\\xe9\")\n", "2");
    }

    /** What the highlighter makes of a buffer: each run of one style as style[text]. */
    private static String highlighted(String buffer) {
        AttributedString shown = new ReplHighlighter().highlight(null, buffer);
        assertEquals(buffer, shown.toString(), "the highlighter shows the buffer's own text");
        StringBuilder runs = new StringBuilder();
        for (int start = 0, end; start < shown.length(); start = end) {
            AttributedStyle style = shown.styleAt(start);
            for (end = start + 1; end < shown.length() && shown.styleAt(end).equals(style); end++) {
            }
            runs.append(runs.length() == 0 ? "" : " ").append(STYLES.getOrDefault(style, style.toString()))
                    .append('[').append(buffer, start, end).append(']');
        }
        return runs.toString();
    }

    private static final Map<AttributedStyle, String> STYLES = Map.of(
            AttributedStyle.DEFAULT, "plain",
            AttributedStyle.BOLD.foreground(AttributedStyle.BLUE), "keyword",
            AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN), "string",
            AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN), "number",
            AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT), "comment");

    @Test
    void theHighlighterColoursKeywordsStringsNumbersAndComments() {
        assertEquals("keyword[if] plain[ n >= ] number[0x1F] plain[ { s = ] string[\"big\"] plain[ } ] comment[# check]"
                        + " plain[\nprint(] string['open]",
                highlighted("if n >= 0x1F { s = \"big\" } # check\nprint('open"));
        assertEquals("plain[x = ] number[1.5e3] plain[ ] keyword[and] plain[ ] keyword[not] plain[ ] keyword[nil]"
                        + " plain[ $ spawned.] keyword[join] plain[(] number[2] plain[)]",
                highlighted("x = 1.5e3 and not nil $ spawned.join(2)"));
    }

    /**
     * The colours stay on their characters after one outside the BMP (the lexer counts code
     * points, a Java string chars), and a comment's colour ends with the comment: inside
     * brackets, the newline, the indent and a line continuation after it are plain.
     */
    @Test
    void theHighlighterKeepsColoursOnTheirCharacters() {
        assertEquals("string[\"\ud83d\ude00\"] plain[ + ] number[1] plain[ ] comment[# \ud83d\ude00] plain[\n] keyword[nil]",
                highlighted("\"\ud83d\ude00\" + 1 # \ud83d\ude00\nnil"));
        assertEquals("plain[f(] number[1] plain[, ] comment[# one] plain[\n  \\\n  ] number[2] plain[) ] comment[# two]",
                highlighted("f(1, # one\n  \\\n  2) # two"));
    }

    /**
     * The script waits for each line it needs on screen and gives up on one only after a minute,
     * so the time allowed here is only a bound for a script that went wrong: it is then stopped
     * with SIGTERM, on which it ends its tmux server and the par inside it.
     */
    @Test
    @Timeout(value = 11, unit = TimeUnit.MINUTES)
    void realTerminalInTmux(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(new File("/usr/bin/tmux").canExecute(), "tmux is not installed (.ci/run installs it)");
        Path script = Path.of(System.getProperty("par.root", ".."), ".ci", "repl-in-tmux").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dir.resolve("repl-in-tmux.log").toFile();
        Process p = new ProcessBuilder("bash", script.toString(), java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()).redirectErrorStream(true).redirectOutput(log).start();
        boolean ended = false;
        try {
            ended = p.waitFor(10, TimeUnit.MINUTES);
        } finally {
            if (!ended) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        String out = Files.readString(log.toPath());
        assertTrue(ended, "repl-in-tmux was still running after 10 minutes:\n" + out);
        assertEquals(0, p.exitValue(), out);
        assertEquals("repl-in-tmux: ok\n", out);
    }
}
