package par.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.hazelcast.nio.serialization.HazelcastSerializationException;

/**
 * Pools across machines, with every machine a real process on loopback: two members ({@code par
 * member}) shared by the tests, a third and a fourth started to be killed, and roots that run
 * scripts with PAR_CLUSTER set. Each wait is for a line or an exit, never a fixed time; every
 * process started here, and every worker JVM the members started, is killed afterwards, and
 * the test checks that none is left.
 */
class ClusterTest {
    private static final Path REPO = Path.of(System.getProperty("par.root", "..")).toAbsolutePath().normalize();
    private static final List<Proc> STARTED = new ArrayList<>();
    /** The cluster's members; b is killed by a test, which the others do not mind. */
    private static Proc a;
    private static Proc b;
    /** Alone in a cluster of its own, to be killed by a test. */
    private static Proc solo;
    /** Started with the others, to be refused: a member of another Par version, and one of another cluster. */
    private static Proc old;
    private static Proc other;
    private static int portA;
    private static int portSolo;

    @TempDir
    static Path dir;

    /** Tasks slow enough to be caught running: each says on its member's stdout that it started. */
    private static final String SLOW = String.join("\n",
            "def work(n) {",
            "    print(\"started\", n)",
            "    total = 0",
            "    i = 0",
            "    while i < 2000000 {",
            "        total = (total + i * i) % 1000007",
            "        i += 1",
            "    }",
            "    return n",
            "}",
            "with pool() as w {",
            "    print(w.map(work, range(24)))",
            "}",
            "");
    private static final String SLOW_RESULT = "[" + java.util.stream.IntStream.range(0, 24).mapToObj(Integer::toString)
            .collect(Collectors.joining(", ")) + "]\n";

    /**
     * Every member the tests need starts here, side by side (a member takes seconds to start):
     * first a and solo, then, once a listens, those that join it.
     */
    @BeforeAll
    static void startTheMembers() throws Exception {
        portA = freePort();
        portSolo = freePort();
        a = member("--port", Integer.toString(portA));
        solo = member("--port", Integer.toString(portSolo), "--cluster", "solo", "--workers", "1");
        Files.writeString(dir.resolve("slow.par"), SLOW);
        a.awaitReady();
        String join = "127.0.0.1:" + portA;
        b = member("--port", Integer.toString(freePort()), "--join", join);
        old = member(List.of("-Dpar.cluster.version=0.0.0"), "--port", Integer.toString(freePort()), "--join", join);
        other = member(List.of(), "--port", Integer.toString(freePort()), "--cluster", "other", "--join", join);
        b.awaitReady();
        solo.awaitReady();
    }

    /** Kills every member and every worker JVM of theirs; none may be left. */
    @AfterAll
    static void stopEverything() throws Exception {
        List<ProcessHandle> all = new ArrayList<>();
        synchronized (STARTED) {
            for (Proc p : STARTED) {
                all.addAll(p.family());
            }
        }
        for (ProcessHandle h : all) {
            h.destroyForcibly();
        }
        for (ProcessHandle h : all) {
            h.onExit().get(20, TimeUnit.SECONDS);
        }
        for (ProcessHandle h : all) {
            assertFalse(h.isAlive(), "left running: " + h.pid());
        }
        Link.closeAll();
    }

    /**
     * A root killed during a map leaves the members idle and ready: the next program, the golden
     * script, runs as its .out, .err and .exit say.
     */
    @Test
    void aDeadRootLeavesTheMembersReadyForTheGoldenScript() throws Exception {
        int mark = a.mark();
        Process root = rootProcess(Map.of("PAR_CLUSTER", "127.0.0.1:" + portA), dir.resolve("slow.par").toString());
        try {
            CompletableFuture<Integer> ended = root.onExit().thenApply(Process::exitValue);
            a.await(mark, line -> line.startsWith("started"), ended.thenApply(status -> new Run(status, "", "")));
        } finally {
            root.destroyForcibly();
        }
        golden("scripts/cluster/map.par");
    }

    @Test
    void theOtherPoolOperationsRunOnTheMembers() throws Exception {
        golden("scripts/cluster/pool_operations.par");
    }

    /** A golden script of scripts/cluster run with PAR_CLUSTER set: its stdout, stderr (if it has a .err) and status. */
    private void golden(String file) throws Exception {
        Path script = REPO.resolve(file);
        Run r = root(Map.of("PAR_CLUSTER", "127.0.0.1:" + portA), file);
        assertEquals(read(script, ".out"), r.out);
        // which worker of which member ran the failing task is chance: the name's number, the
        // member's address and the pid are written as wN, MEMBER and N in the .err
        String err = r.err.replaceAll("worker w\\d+ on 127\\.0\\.0\\.1:\\d+ \\(pid \\d+\\)", "worker wN on MEMBER (pid N)");
        assertEquals(Files.exists(REPO.resolve(file.replace(".par", ".err"))) ? read(script, ".err") : "", err);
        assertEquals(Files.exists(REPO.resolve(file.replace(".par", ".exit"))) ? Integer.parseInt(read(script, ".exit").trim()) : 0,
                r.status);
    }

    @Test
    void javaSerializationIsRefused() {
        Link link = Link.to("127.0.0.1:" + portA);
        HazelcastSerializationException e = assertThrows(HazelcastSerializationException.class,
                () -> link.client.getMap("java").put("key", new Thing(1)));
        StringBuilder why = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            why.append(t.getMessage()).append('\n');
        }
        assertTrue(why.toString().contains("refused par.cluster.ClusterTest$Thing"), why.toString());
        assertThrows(HazelcastSerializationException.class,
                () -> link.executor.submitToMember(new Job(), link.members().iterator().next()).get());
    }

    /** A member killed during a map: its chunks run again on the others, and the results are exact. */
    @Test
    void aKilledMembersChunksRunElsewhere() throws Exception {
        int mark = b.mark();
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> rootQuietly(
                Map.of("PAR_CLUSTER", "127.0.0.1:" + portA), dir.resolve("slow.par").toString()));
        b.await(mark, line -> line.startsWith("started"), run);
        List<ProcessHandle> family = b.family();
        b.process.destroyForcibly(); // SIGKILL
        Run r = run.get(90, TimeUnit.SECONDS);
        assertEquals(new Run(0, SLOW_RESULT, ""), r);
        assertAllEnd(family);
    }

    /** The only member is killed during a map: a clear error, soon. */
    @Test
    void noMemberLeftIsAClearError() throws Exception {
        int port = portSolo;
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> rootQuietly(
                Map.of("PAR_CLUSTER", "solo@127.0.0.1:" + port), dir.resolve("slow.par").toString()));
        solo.await(0, line -> line.startsWith("started"), run);
        List<ProcessHandle> family = solo.family();
        solo.process.destroyForcibly();
        Run r = run.get(60, TimeUnit.SECONDS);
        assertEquals(1, r.status, r.toString());
        assertEquals("", r.out);
        String expected = dir.resolve("slow.par") + ":12: error: no member of cluster 'solo' at 127.0.0.1:" + port
                + " is left to run the pool's tasks (the last, 127.0.0.1:" + port + ", ";
        assertTrue(r.err.startsWith(expected), r.err);
        assertAllEnd(family);
    }

    /** A member of another Par version, or of another cluster, is refused in words; a root of another version too. */
    @Test
    void membersThatDoNotFitAreRefused() throws Exception {
        Run r = root(List.of("-Dpar.cluster.version=0.0.0"), Map.of("PAR_CLUSTER", "127.0.0.1:" + portA),
                "scripts/examples/pool.par");
        assertEquals(new Run(1, "", "scripts/examples/pool.par:5: error: the members of cluster 'par' at 127.0.0.1:"
                + portA + " run Par " + par.wire.Wire.PAR_VERSION + ", and this is Par 0.0.0: they cannot run its tasks\n"
                + "    workers = pool(cpu_count())\n"
                + "              ^^^^^^^^^^^^^^^^^\n"
                + "  in <main> at scripts/examples/pool.par:5\n"), r);
        assertEquals(1, old.process.waitFor());
        assertEquals(1, other.process.waitFor());
        assertEquals("par member: refused: the members of cluster 'par' run Par " + par.wire.Wire.PAR_VERSION
                + ", and this is Par 0.0.0: every member must run the same version", old.lastLine());
        assertEquals("par member: refused: 127.0.0.1:" + portA + " answers, but did not let this member into cluster "
                + "'other': it is a member of another cluster (see its --cluster), or of another Par version",
                other.lastLine());
    }

    // ---- processes ----

    record Run(int status, String out, String err) {
    }

    /** A member, its output lines gathered as they come. */
    static final class Proc {
        final Process process;
        private final List<String> lines = new ArrayList<>();
        private final List<ProcessHandle> seen = new ArrayList<>();

        Proc(Process process) {
            this.process = process;
            Thread t = new Thread(this::read, "member-output-" + process.pid());
            t.setDaemon(true);
            t.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
            synchronized (this) {
                notifyAll();
            }
        }

        void awaitReady() throws InterruptedException {
            await(0, line -> line.startsWith("par member: ready"), null);
        }

        /** How many lines it has said so far: a wait from here on looks only at later ones. */
        synchronized int mark() {
            return lines.size();
        }

        /** Waits for a line after the first from; fails if the member exits first, or if the run given ends first. */
        synchronized void await(int from, Predicate<String> wanted, CompletableFuture<Run> run) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines.subList(from, lines.size()).stream().noneMatch(wanted)) {
                if (!process.isAlive()) {
                    fail("the member ended: " + lines);
                }
                if (run != null && run.isDone()) {
                    fail("the program ended first: " + run.join() + "\nmember said: " + lines);
                }
                if (System.nanoTime() > deadline) {
                    fail("no such line in time: " + lines);
                }
                wait(200); // woken by each line; the time-out only rechecks the run and the process
            }
            seen.addAll(family());
        }

        synchronized String lastLine() throws InterruptedException {
            wait(100); // the reader may still hold the last line as the process exits
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        /** The member and the worker JVMs it started (those seen before, too, if it has died). */
        synchronized List<ProcessHandle> family() {
            List<ProcessHandle> all = new ArrayList<>(seen);
            all.add(process.toHandle());
            process.descendants().forEach(all::add);
            return all;
        }
    }

    private static Proc member(String... args) throws IOException {
        return member(List.of(), args);
    }

    private static Proc member(List<String> jvmFlags, String... args) throws IOException {
        List<String> command = java(jvmFlags);
        command.add("member");
        command.addAll(List.of("--host", "127.0.0.1"));
        command.addAll(List.of(args));
        if (!command.contains("--workers")) {
            command.addAll(List.of("--workers", "2"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Proc proc = new Proc(p);
        synchronized (STARTED) {
            STARTED.add(proc);
        }
        return proc;
    }

    private static List<String> java(List<String> jvmFlags) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "par.repl.Main"));
        return command;
    }

    private static Process rootProcess(Map<String, String> env, String script) throws IOException {
        List<String> command = java(List.of());
        command.add(script);
        ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        synchronized (STARTED) {
            STARTED.add(new Proc(p));
        }
        return p;
    }

    /** Runs a program to its end (at most 90 s) with env added to its environment. */
    private static Run root(Map<String, String> env, String script) throws Exception {
        return root(List.of(), env, script);
    }

    private static Run root(List<String> jvmFlags, Map<String, String> env, String script) throws Exception {
        List<String> command = java(jvmFlags);
        command.add(script);
        ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile());
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("root.out").toFile()).redirectError(dir.resolve("root.err").toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                fail("the program did not end in 90 s");
            }
        } finally {
            p.destroyForcibly();
        }
        return new Run(p.exitValue(), Files.readString(dir.resolve("root.out")), Files.readString(dir.resolve("root.err")));
    }

    private static Run rootQuietly(Map<String, String> env, String script) {
        try {
            return root(env, script);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertAllEnd(List<ProcessHandle> family) throws Exception {
        for (ProcessHandle h : family) {
            h.onExit().get(20, TimeUnit.SECONDS); // a worker halts when its member's end of the pipe closes
        }
    }

    private static String read(Path script, String ext) throws IOException {
        return Files.readString(Path.of(script.toString().replaceAll("\\.par$", ext)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Serializable, so that Java serialization could carry it: it must not. */
    record Thing(int n) implements Serializable {
    }

    static final class Job implements Callable<String>, Serializable {
        @Override
        public String call() {
            return "ran";
        }
    }
}
