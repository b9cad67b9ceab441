package par.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that starts no process links no lambda of ours (a JVM's first lambda costs it some
 * 4 ms, a tenth of what such a program's whole run takes), and one that only mentions spawn or
 * pool starts no JVM. These run the par command in a JVM of its own and list the classes it
 * loaded.
 */
class RootStartTest {
    @TempDir
    Path dir;

    @Test
    void aProgramWithoutProcessesLinksNoLambdaOfOurs() throws IOException, InterruptedException {
        List<String> loaded = classesLoaded("print(sum([x * x for x in range(4)]), 'ok')", "14 ok\n");
        List<String> lambdas = loaded.stream()
                .filter(line -> line.contains(" par.") && line.contains("$$Lambda"))
                .collect(Collectors.toList());
        assertEquals(List.of(), lambdas);
        assertEquals(List.of(), clusterClasses(loaded));
    }

    /** A program that asks for no cluster, a local pool's included, loads nothing of Hazelcast's or par.cluster's. */
    @Test
    void aLocalPoolLoadsNoClusterClass() throws IOException, InterruptedException {
        List<String> loaded = classesLoaded("def f(x) {\n    return x + 1\n}\nprint(pool(1).map(f, [1, 2]))", "[2, 3]\n");
        assertEquals(List.of(), clusterClasses(loaded));
    }

    private static List<String> clusterClasses(List<String> loaded) {
        return loaded.stream().filter(line -> line.contains(" com.hazelcast.") || line.contains(" par.cluster."))
                .collect(Collectors.toList());
    }

    /** Runs code in a JVM of its own (without PAR_CLUSTER), checks what it printed, and answers the class-load log. */
    private List<String> classesLoaded(String code, String printed) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        Path out = dir.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-c", code)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("PAR_CLUSTER");
        Process root = pb.start();
        try {
            assertTrue(root.waitFor(60, TimeUnit.SECONDS), "par did not finish");
        } finally {
            root.destroyForcibly();
        }
        assertEquals(0, root.exitValue());
        assertEquals(printed, Files.readString(out));
        return Files.readAllLines(log);
    }

    /**
     * Nor does it hold a socket. The JDK's file channels open one as they are first used (a
     * socket pair, one end kept for closing descriptors under blocked threads), so reading the
     * script goes through java.io. This looks at the root's descriptors while it waits for a line.
     */
    @Test
    void aProgramWithoutProcessesHoldsNoSocket() throws IOException, InterruptedException {
        Path script = dir.resolve("wait.par");
        Files.writeString(script, "print('ready')\nprint(input())\n");
        Process root = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), script.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8));
             OutputStream in = root.getOutputStream()) {
            assertEquals("ready", out.readLine());
            List<String> sockets = sockets(root.pid());
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertEquals("go", out.readLine());
            assertTrue(root.waitFor(60, TimeUnit.SECONDS), "par did not finish");
            assertEquals(0, root.exitValue());
            assertEquals(List.of(), sockets);
        } finally {
            root.destroyForcibly();
        }
    }

    /** The descriptors of a process that are sockets, with what they point at. */
    private static List<String> sockets(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.map(fd -> {
                try {
                    return fd.getFileName() + " -> " + Files.readSymbolicLink(fd);
                } catch (IOException e) {
                    return fd.getFileName() + " (closed)";
                }
            }).filter(link -> link.contains("socket:")).collect(Collectors.toList());
        }
    }

    /**
     * spawn and pool( in a comment, a string and a name are no reason to boot spares: while the
     * program waits on input() no child JVM runs, and no launcher of child JVMs was ever made
     * (the check that does not depend on how soon a spare would have shown).
     */
    @Test
    void aProgramThatOnlyMentionsSpawnAndPoolStartsNoJvm() throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        Process root = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-c", String.join("\n",
                        "# spawn f() and pool(2)",
                        "spawned = 'spawn f() in a pool(2)'",
                        "print(spawned)",
                        "input()"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("spawn f() in a pool(2)", out.readLine()); // printed: the program now waits on input()
            List<String> jvms = root.descendants().filter(ProcessHandle::isAlive)
                    .map(p -> p.info().commandLine().orElse(""))
                    .filter(c -> c.contains("par.child.ChildMain"))
                    .collect(Collectors.toList());
            root.getOutputStream().close(); // input() reads the end of the input and the program ends
            assertTrue(root.waitFor(60, TimeUnit.SECONDS), "par did not finish");
            assertEquals(0, root.exitValue());
            assertEquals(List.of(), jvms);
        } finally {
            root.descendants().forEach(ProcessHandle::destroyForcibly);
            root.destroyForcibly();
        }
        List<String> launcher = Files.readAllLines(log).stream()
                .filter(line -> line.contains(" par.launch.ChildLauncher "))
                .collect(Collectors.toList());
        assertEquals(List.of(), launcher, "a hub and its launcher of child JVMs were made");
    }
}
