package par.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import par.syntax.Program;
import par.syntax.SourceParser;
import par.syntax.SyntaxError;

/** The parse cache gives exactly the parser's tree, and falls back to the parser on anything doubtful. */
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
    void aCachedTreeIsTheParsersTree() throws IOException {
        Program fresh = SourceParser.parse(SOURCE, "a.par");
        Program first = ParseCache.parse(SOURCE, "a.par", dir, "k");
        assertEquals(fresh, first);
        assertEquals(1, entries().size());
        Program cached = ParseCache.parse(SOURCE, "b.par", dir, "k");
        assertEquals(new Program("b.par", SOURCE, fresh.body()), cached);
    }

    @Test
    void anEntryForAnotherTextIsNotUsed() throws IOException {
        ParseCache.parse(SOURCE, "a.par", dir, "k");
        Path entry = entries().get(0);
        // the same hash and length cannot be forced, so plant another program's entry under this name
        String other = "print('other')\n";
        Path otherDir = Files.createDirectory(dir.resolve("other"));
        ParseCache.parse(other, "o.par", otherDir, "k");
        Files.copy(entries(otherDir).get(0), entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(SourceParser.parse(SOURCE, "a.par"), ParseCache.parse(SOURCE, "a.par", dir, "k"));
    }

    @Test
    void aDamagedEntryIsParsedAgain() throws IOException {
        ParseCache.parse(SOURCE, "a.par", dir, "k");
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        assertEquals(SourceParser.parse(SOURCE, "a.par"), ParseCache.parse(SOURCE, "a.par", dir, "k"));
    }

    @Test
    void anotherBuildDoesNotShareEntries() throws IOException {
        ParseCache.parse(SOURCE, "a.par", dir, "k1");
        ParseCache.parse(SOURCE, "a.par", dir, "k2");
        assertEquals(2, entries().size());
    }

    @Test
    void syntaxErrorsAreNeverCached() throws IOException {
        assertThrows(SyntaxError.class, () -> ParseCache.parse("x = (1 +\n", "bad.par", dir, "k"));
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
            Program first = ParseCache.parse(SOURCE, "a.par", cache, "k");
            Program again = ParseCache.parse(SOURCE, "a.par", cache, "k");
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

    private List<Path> entries() throws IOException {
        return entries(dir);
    }

    private static List<Path> entries(Path in) throws IOException {
        try (Stream<Path> files = Files.list(in)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
