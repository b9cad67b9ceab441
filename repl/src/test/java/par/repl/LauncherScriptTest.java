package par.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The par script (the checkout's launcher), run from a copy of the checkout's layout whose jar
 * holds a stand-in {@code par.repl.Main} ({@link #STAND_IN}): how it finds itself through
 * symlinks, how it starts the JVM, which java and flags it picks, the file where it keeps what
 * it found about a java, and when it rebuilds (with a stand-in mvn).
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of(System.getProperty("par.root", "..")).toAbsolutePath().normalize()
            .resolve("par");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path tmp;
    private Path root;
    private Path jar;

    @BeforeEach
    void checkout() throws IOException {
        root = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(SCRIPT, root.resolve("par"));
        Files.createDirectories(root.resolve("runtime/src/main/java"));
        Files.createDirectories(root.resolve("repl/src/main/java"));
        Files.createDirectories(root.resolve("grammar/src/main"));
        jar = Files.createDirectories(root.resolve("repl/target")).resolve("par.jar");
        writeJar(jar);
        // the sources are older than the jar, as after a build
        for (String dir : List.of("runtime/src/main/java", "runtime/src/main", "repl/src/main/java", "repl/src/main",
                "grammar/src/main", "grammar/src")) {
            Files.setLastModifiedTime(root.resolve(dir), FileTime.from(Instant.now().minusSeconds(60)));
        }
    }

    /**
     * What the test's jar runs in place of Par: it prints what the par script started it with
     * (the command, its JVM flags one per line, then its arguments). It has Par's main class's
     * name, since the script names that class.
     */
    private static final String STAND_IN = """
            package par.repl;

            public final class Main {
                public static void main(String[] args) {
                    System.out.println("command " + System.getProperty("sun.java.command"));
                    for (String flag : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                        System.out.println("flag " + flag);
                    }
                    System.out.println("args " + String.join(" ", args));
                }
            }
            """;

    private void writeJar(Path jar) throws IOException {
        Path source = Files.createDirectories(tmp.resolve("stand-in/par/repl")).resolve("Main.java");
        Files.writeString(source, STAND_IN);
        Path classes = tmp.resolve("stand-in-classes");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, status, "the stand-in compiles");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "par.repl.Main");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("par/repl/Main.class"));
            out.write(Files.readAllBytes(classes.resolve("par/repl/Main.class")));
            out.closeEntry();
        }
    }

    private record Run(int status, String out, String err) {
        List<String> flags() {
            return out.lines().filter(l -> l.startsWith("flag ")).map(l -> l.substring(5)).toList();
        }

        String args() {
            return out.lines().filter(l -> l.startsWith("args")).findFirst().orElse("(none)");
        }

        String command() {
            return out.lines().filter(l -> l.startsWith("command ")).findFirst().orElse("(none)");
        }
    }

    private Run run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PAR_JAVA", JAVA);
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("the par script did not end");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void findsItsCheckoutThroughARelativeSymlinkFromAnotherDirectory() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("par"), bin.relativize(root.resolve("par")));
        Run r = run(tmp, Map.of(), "bin/par", "-c", "print(1)");
        assertEquals("", r.err());
        assertEquals("args -c print(1)", r.args());
        assertEquals(0, r.status());
        assertTrue(r.flags().contains("-XX:+UseSerialGC"), r.out());
    }

    @Test
    void startsTheJvmByNamingTheMainClassSoTheJarIsNotOpenedForItsManifest() throws Exception {
        Run r = run(root, Map.of(), "./par", "x.par", "an arg");
        assertEquals(0, r.status(), r.err());
        // with -jar, the command would be the jar's path
        assertEquals("command par.repl.Main x.par an arg", r.command());
        assertEquals("args x.par an arg", r.args());
    }

    @Test
    void aKeptJavaLineThatNoLongerNamesTheSameFileIsLookedUpAgain() throws Exception {
        Path known = root.resolve("repl/target/par.jar.javas");
        // as if PAR_JAVA had been a JDK 99 at /bin/sh: taken at its word, this JDK 17+ would be
        // given JDK 25's -XX:AOTCache, which a JDK before 25 refuses to start with
        Files.writeString(known, JAVA + "\t/bin/sh\t99\n");
        Run r = run(root, Map.of(), "./par", "x.par");
        assertEquals(0, r.status(), r.err());
        assertEquals("args x.par", r.args());
        String real = Path.of(JAVA).toRealPath().toString();
        int version = Runtime.version().feature();
        assertEquals(JAVA + "\t/bin/sh\t99\n" + JAVA + "\t" + real + "\t" + version + "\n", Files.readString(known));
        String archive = version >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        assertTrue(r.flags().stream().anyMatch(f -> f.startsWith(archive)), r.out());
        try (var files = Files.list(root.resolve("repl/target"))) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".tmp")).toList(),
                    "the training run's program and configuration are removed");
        }

        Run again = run(root, Map.of(), "./par", "y.par");
        assertEquals("args y.par", again.args());
        assertEquals(2, Files.readAllLines(known).size(), "the line found is used, not added again");
    }

    @Test
    void theHeapCeilingIsTwoGibibytesOrPAR_HEAPAndABadOneIsRefused() throws Exception {
        assertTrue(run(root, Map.of(), "./par").flags().contains("-Xmx2g"));
        assertTrue(run(root, Map.of("PAR_HEAP", "512m"), "./par").flags().contains("-Xmx512m"));
        Run bad = run(root, Map.of("PAR_HEAP", "lots"), "./par");
        assertEquals(2, bad.status());
        assertEquals("par: PAR_HEAP must be a size such as 8g or 512m, not 'lots'\n", bad.err());
        assertEquals("", bad.out());
    }

    /** A stand-in mvn on PATH that logs its arguments and "builds" by touching the jar. */
    private Map<String, String> fakeMaven() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("mvnbin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho \"mvn $*\" >> " + tmp.resolve("built") + "\ntouch " + jar + "\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwx------"));
        return Map.of("PATH", bin + ":" + System.getenv("PATH"));
    }

    @Test
    void rebuildsWhenASourceOrASourceDirectoryIsNewerThanTheJar() throws Exception {
        Map<String, String> env = fakeMaven();
        Path built = tmp.resolve("built");
        run(root, env, "./par");
        assertFalse(Files.exists(built), "nothing changed: no build");

        Path source = root.resolve("runtime/src/main/java/A.java");
        Files.writeString(source, "class A {}");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
        Run r = run(root, env, "./par", "-c", "1");
        assertEquals("args -c 1", r.args());
        assertEquals("mvn -q -B -DskipTests package\n", Files.readString(built));

        Files.delete(built);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(10)));
        run(root, env, "./par");
        assertFalse(Files.exists(built), "built already: no build");

        // a file removed: only its directory's time says so
        Files.delete(source);
        Files.setLastModifiedTime(root.resolve("runtime/src/main/java"), FileTime.from(Instant.now().plusSeconds(20)));
        run(root, env, "./par");
        assertEquals("mvn -q -B -DskipTests package\n", Files.readString(built));
    }

    @Test
    void refusesAPAR_JAVAThatCannotBeRun() throws Exception {
        Run r = run(root, Map.of("PAR_JAVA", "/no/such/java"), "./par", "-c", "1");
        assertEquals(2, r.status());
        assertEquals("par: PAR_JAVA names no java that can be run: /no/such/java\n", r.err());
        Run named = run(root, Map.of("PAR_JAVA", "java", "PATH", Path.of(JAVA).getParent() + ":/usr/bin:/bin"),
                "./par", "-c", "2");
        assertEquals("args -c 2", named.args(), named.err());
    }

    @Test
    void saysSoWhenNoJavaCanBeFound() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("nojava"));
        Run r = run(root, Map.of(), "/usr/bin/env", "-u", "PAR_JAVA", "-u", "JAVA_HOME", "PATH=" + empty, "/bin/bash",
                "./par");
        assertEquals(2, r.status());
        assertEquals("par: no java found: install a JDK (17 or newer)\n", r.err());
    }
}
