package par.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import par.interp.Interpreter;
import par.interp.Processes;
import par.interp.ScriptRunner;
import par.interp.StreamOutput;
import par.syntax.Program;
import par.syntax.SourceParser;
import par.syntax.Stmt;
import par.syntax.SyntaxError;

/**
 * The parse cache gives exactly the parser's tree for the file run, falls back to the parser on
 * anything doubtful, skips what it cannot store, and stays within its bounds.
 */
class ParseCacheTest {
    private static final String SOURCE = String.join("\n",
            "def fib(n) {",
            "    if n < 2 { return n }",
            "    return fib(n - 1) + fib(n - 2)",
            "}",
            "xs = [x * 2.5 for x in range(-3, 3) if x != 0]",
            "try { print(fib(20), xs, {'a': 2 ** 70}, nil) } catch e { raise e }",
            "");

    @TempDir
    Path dir;

    @Test
    void aCachedTreeIsTheParsersTreeForTheFileRun() throws IOException {
        Program first = cached(SOURCE, "a.par");
        assertEquals(SourceParser.parse(SOURCE, "a.par"), first);
        assertEquals(1, entries().size());
        // the same text under another name: its functions belong to that file, not to a.par
        Program again = cached(SOURCE, "b.par");
        assertEquals(SourceParser.parse(SOURCE, "b.par"), again);
        assertEquals("b.par", ((Stmt.Def) again.body().get(0)).file());
    }

    @Test
    void anErrorInACachedProgramNamesTheFileRun() {
        String source = "def f() { return 1/0 }\nf()\n";
        String shown = "    def f() { return 1/0 }\n" + " ".repeat(4 + 17) + "^^^\n";
        assertEquals("a.par:1: error: division by zero\n" + shown + "  in f at a.par:1\n  in <main> at a.par:2\n",
                runThroughCache(source, "a.par"));
        assertEquals("b.par:1: error: division by zero\n" + shown + "  in f at b.par:1\n  in <main> at b.par:2\n",
                runThroughCache(source, "b.par"));
    }

    @Test
    void aTreeTooDeepForTheCodecIsParsedEveryTimeAndNotKept() throws IOException {
        String source = "x = " + "1 + ".repeat(4000) + "1\n";
        // a tree this deep is compared on a large stack, as it is parsed
        int same = ScriptRunner.onLargeStack(() -> {
            Program fresh = SourceParser.parse(source, "deep.par");
            boolean first = fresh.equals(cached(source, "deep.par"));
            boolean second = fresh.equals(cached(source, "deep.par"));
            return first && second ? 1 : 0;
        });
        assertEquals(1, same);
        assertEquals(List.of(), entries());
    }

    @Test
    void theCacheIsBoundedInBytes() throws IOException {
        ParseCache.Limits limits = new ParseCache.Limits(200, 3000, 2000);
        for (int i = 0; i < 20; i++) {
            ParseCache.parse("print(" + i + ", 'a line long enough to make this entry weigh a few hundred bytes')\n",
                    i + ".par", dir, "k", limits, Processes.NONE);
        }
        long total = 0;
        for (Path entry : entries()) {
            total += Files.size(entry);
        }
        assertTrue(total <= 3000, total + " bytes kept");
        assertTrue(entries().size() >= 2, entries() + " kept");
        // the newest program is among those kept: the next run of it is a hit
        String newest = "print(19, 'a line long enough to make this entry weigh a few hundred bytes')\n";
        assertTrue(entries().stream().anyMatch(p -> p.getFileName().toString()
                .endsWith("-" + Integer.toHexString(newest.hashCode()) + "-" + newest.length())));
    }

    @Test
    void anEntryOverItsLimitIsNotKept() throws IOException {
        ParseCache.parse(SOURCE, "a.par", dir, "k", new ParseCache.Limits(200, 1 << 20, 100), Processes.NONE);
        assertEquals(List.of(), entries());
    }

    @Test
    void theCacheIsBoundedInEntries() throws IOException {
        ParseCache.Limits limits = new ParseCache.Limits(3, 1 << 20, 1 << 20);
        for (int i = 0; i < 6; i++) {
            ParseCache.parse("print(" + i + ")\n", i + ".par", dir, "k", limits, Processes.NONE);
        }
        assertEquals(3, entries().size());
    }

    @Test
    void anEntryForAnotherTextIsNotUsed() throws IOException {
        cached(SOURCE, "a.par");
        Path entry = entries().get(0);
        // the same hash and length cannot be forced, so plant another program's entry under this name
        String other = "print('other')\n";
        Path otherDir = Files.createDirectory(dir.resolve("other"));
        ParseCache.parse(other, "o.par", otherDir, "k", ParseCache.Limits.STANDARD, Processes.NONE);
        Files.copy(entries(otherDir).get(0), entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(SourceParser.parse(SOURCE, "a.par"), cached(SOURCE, "a.par"));
    }

    @Test
    void aDamagedEntryIsParsedAgain() throws IOException {
        cached(SOURCE, "a.par");
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        assertEquals(SourceParser.parse(SOURCE, "a.par"), cached(SOURCE, "a.par"));
    }

    /** The prewarms a run is given: how many JVMs, and whether for pools. */
    private static final class Prewarms implements Processes {
        final List<String> calls = new java.util.ArrayList<>();

        @Override
        public void prewarm(int jvms, boolean pools) {
            calls.add((jvms == par.interp.TopLevel.MANY ? "many" : String.valueOf(jvms)) + (pools ? " for pools" : ""));
        }

        @Override
        public Object spawn(Object function, Object[] args, Object name, String site) {
            throw new AssertionError();
        }

        @Override
        public Object join(Object handle, String site) {
            throw new AssertionError();
        }

        @Override
        public Object create(String kind, Object[] args, String name) {
            throw new AssertionError();
        }
    }

    private List<String> prewarmsOf(String source) {
        Prewarms p = new Prewarms();
        ParseCache.parse(source, "t.par", dir, "k", ParseCache.Limits.STANDARD, p);
        return p.calls;
    }

    @Test
    void spawnsAndPoolsAheadAreToldBeforeTheTreeWhetherParsedOrRead() {
        String spawns = "def f() { return 1 }\np = spawn f()\n";
        String pools = "w = pool(2)\np = spawn print(1)\n";
        String mentions = "# spawn f() and pool(2)\nprint('spawn f() in a pool(2)')\nspawn_count = 0\npool = 1\n";
        for (int run = 0; run < 2; run++) { // parsed, then read from the cache
            assertEquals(List.of("1"), prewarmsOf(spawns));
            assertEquals(List.of("many for pools"), prewarmsOf(pools));
            assertEquals(List.of(), prewarmsOf(mentions));
        }
    }

    @Test
    void anotherBuildDoesNotShareEntries() throws IOException {
        ParseCache.parse(SOURCE, "a.par", dir, "k1", ParseCache.Limits.STANDARD, Processes.NONE);
        ParseCache.parse(SOURCE, "a.par", dir, "k2", ParseCache.Limits.STANDARD, Processes.NONE);
        assertEquals(2, entries().size());
    }

    @Test
    void syntaxErrorsAreNeverCached() throws IOException {
        assertThrows(SyntaxError.class, () -> cached("x = (1 +\n", "bad.par"));
        assertTrue(entries().isEmpty());
    }

    /**
     * A run that starts no process holds no socket, and the JDK's file channels open one as
     * they are first used: the cache reads and writes its files through java.io. A JVM of its
     * own fills the cache, reads it back, and lists its socket descriptors.
     */
    @Test
    void theCacheOpensNoSocket() throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Process probe = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                SocketProbe.class.getName(), dir.resolve("cache").toString())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            assertTrue(probe.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the probe did not finish");
        } finally {
            probe.destroyForcibly();
        }
        assertEquals(0, probe.exitValue());
        assertEquals("hit; sockets: []\n", Files.readString(out));
    }

    /** The probe's JVM: a miss, a hit, then its own socket descriptors. */
    static final class SocketProbe {
        public static void main(String[] args) throws IOException {
            Path cache = Files.createDirectory(Path.of(args[0]));
            Program first = ParseCache.parse(SOURCE, "a.par", cache, "k", ParseCache.Limits.STANDARD, Processes.NONE);
            Program again = ParseCache.parse(SOURCE, "a.par", cache, "k", ParseCache.Limits.STANDARD, Processes.NONE);
            List<String> sockets = new java.util.ArrayList<>();
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:")) {
                            sockets.add(fd.getFileName() + " -> " + target);
                        }
                    } catch (IOException e) {
                        // the listing's own descriptor, closed by now
                    }
                }
            }
            System.out.println((entries(cache).size() == 1 && first.equals(again) ? "hit" : "miss") + "; sockets: " + sockets);
        }
    }

    private Program cached(String source, String file) {
        return ParseCache.parse(source, file, dir, "k", ParseCache.Limits.STANDARD, Processes.NONE);
    }

    /** Runs source as the par command does, its parses going through the cache; answers stderr. */
    private String runThroughCache(String source, String file) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Interpreter interp = new Interpreter(InputStream.nullInputStream(),
                new StreamOutput(OutputStream.nullOutputStream(), false), new PrintStream(err, true, StandardCharsets.UTF_8));
        interp.setParser(ParseCache.keptIn(dir, "k"));
        assertEquals(ScriptRunner.RUNTIME_ERROR, ScriptRunner.run(interp, source, file));
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<Path> entries() throws IOException {
        return entries(dir);
    }

    private static List<Path> entries(Path in) throws IOException {
        try (Stream<Path> files = Files.list(in)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
