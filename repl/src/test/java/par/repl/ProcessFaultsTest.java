package par.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child JVMs watched from outside: a killed child never hangs its parent, a lock it held
 * is handed on with a warning, a killed root leaves no child behind, and a program boots no
 * JVM it does not use (each one would take a core from those that work).
 */
@Timeout(60)
class ProcessFaultsTest {
    @TempDir
    Path dir;

    /** Lines printed by a script running in-process, as they appear. */
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @AfterEach
    void noChildLeftBehind() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        left.forEach(ProcessHandle::destroyForcibly); // so one failure does not spill into the next test
        assertEquals(List.of(), left.stream().map(p -> p.pid() + " " + p.info().command().orElse("")).toList(),
                "processes left behind");
    }

    private Thread runInProcess(String source) throws IOException {
        return runInProcess(source, true);
    }

    /** terminal: stdout is taken for a terminal, flushed on every line; otherwise it is buffered. */
    private Thread runInProcess(String source, boolean terminal) throws IOException {
        return runInProcess(source, terminal, System.in);
    }

    private Thread runInProcess(String source, boolean terminal, java.io.InputStream in) throws IOException {
        Path script = dir.resolve("t.par");
        Files.writeString(script, source);
        OutputStream out = new LineCollector(lines);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        Thread t = new Thread(() -> Main.run(new String[] {script.toString()}, in,
                new PrintStream(out, true, StandardCharsets.UTF_8), err, terminal));
        t.start();
        return t;
    }

    private String nextLine() throws InterruptedException {
        String line = lines.poll(30, TimeUnit.SECONDS);
        assertTrue(line != null, "no output within 30 s; stderr: " + errBytes);
        return line;
    }

    /** The child JVMs of this test's root alive now (a JVM recording the class-data archive aside). */
    private static List<String> childJvms() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("par.child.ChildMain") && !c.contains("--archive-run"))
                .toList();
    }

    @Test
    void aPoolOfOnePerCoreBootsOneJvmPerCore() throws Exception {
        java.io.PipedOutputStream go = new java.io.PipedOutputStream();
        Thread root = runInProcess(String.join("\n",
                "w = pool(cpu_count())",
                "print(w.map(str, range(3)))",
                "input()"), true, new java.io.PipedInputStream(go));
        assertEquals("['0', '1', '2']", nextLine());
        List<String> jvms = childJvms(); // the program holds its pool until it reads a line
        go.write('\n');
        go.close();
        assertEquals(Runtime.getRuntime().availableProcessors(), jvms.size(), jvms.toString());
        root.join(10_000);
    }

    @Test
    void spawnsLeaveNoIdleJvmBehind() throws Exception {
        java.io.PipedOutputStream go = new java.io.PipedOutputStream();
        Thread root = runInProcess(String.join("\n",
                "def f(i) { return i }",
                "print(sum([join p for p in [spawn f(i) for i in range(3)]]))",
                "input()"), true, new java.io.PipedInputStream(go));
        assertEquals("3", nextLine());
        // the children have sent their results and are exiting; a spare would wait for a job
        // until the program ends, which it does only once it reads a line
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!childJvms().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<String> jvms = childJvms();
        go.write('\n');
        go.close();
        assertEquals(List.of(), jvms);
        root.join(10_000);
    }

    @Test
    void childKilledDuringJoinWakesTheParent() throws Exception {
        Thread root = runInProcess(String.join("\n",
                "def slow() { sleep(60) }",
                "p = spawn slow()",
                "print(p.pid)",
                "try { join p } catch e { print(e) }",
                "print(p.exitcode, p.alive)"));
        long pid = Long.parseLong(nextLine());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        assertEquals("process p1 (pid " + pid + ") was killed by signal 9 (SIGKILL)", nextLine());
        assertEquals("-9 false", nextLine());
        root.join(10_000);
        assertFalse(root.isAlive());
    }

    @Test
    void aChildsLinesReachAPipeWhileTheParentWaits() throws Exception {
        // the root's stdout here is not a terminal, so it is buffered: the child's line must
        // still come out while the parent is blocked in join, not when the program ends
        Thread root = runInProcess(String.join("\n",
                "def talk() {",
                "    print('hello from the child')",
                "    sleep(60)",
                "}",
                "p = spawn talk()",
                "print(p.pid)",
                "join p"), false);
        long pid = Long.parseLong(nextLine());
        assertEquals("hello from the child", nextLine());
        assertTrue(root.isAlive());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        root.join(10_000);
        assertFalse(root.isAlive());
    }

    @Test
    void lockOfAKilledHolderPassesOnWithAWarning() throws Exception {
        Thread root = runInProcess(String.join("\n",
                "def hold(l, q) {",
                "    l.acquire()",
                "    q.put(\"holding\")",
                "    sleep(60)",
                "}",
                "l = lock()",
                "q = queue()",
                "p = spawn hold(l, q)",
                "print(p.pid)",
                "print(q.get())",
                "print(l.acquire(30))",
                "l.release()"));
        long pid = Long.parseLong(nextLine());
        assertEquals("holding", nextLine());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        assertEquals("true", nextLine());
        root.join(10_000);
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("warning: lock l was released because process p1 (pid "
                + pid + ") died holding it; the main process"), errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aHolderKilledAfterFastLoopsHasItsLockPassedOnWithAWarning() throws Exception {
        Thread root = runInProcess(String.join("\n",
                "def churn(l, s, n) {",
                "    for i in range(n) { with l { s.value = s.value + 1 } }",
                "    l.acquire()",
                "    s.value = -1",
                "    sleep(60)",
                "}",
                "l = lock()",
                "s = shared(0)",
                "p = spawn churn(l, s, 20000)",
                "print(p.pid)",
                "while s.value != -1 { sleep(0.01) }",
                "print('holding')",
                "print(l.acquire(30))",
                "print(s.value)",
                "l.release()"));
        long pid = Long.parseLong(nextLine());
        assertEquals("holding", nextLine());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        assertEquals("true", nextLine());
        assertEquals("-1", nextLine());
        root.join(10_000);
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("warning: lock l was released because process p1 (pid "
                + pid + ") died holding it; the main process"), errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aChildKilledInTheMiddleOfFastLockingLeavesTheLockAndTheValueUsable() throws Exception {
        Thread root = runInProcess(String.join("\n",
                "def churn(l, s) {",
                "    while true { with l { s.value = s.value + 1 } }",
                "}",
                "l = lock()",
                "s = shared(0)",
                "p = spawn churn(l, s)",
                "print(p.pid)",
                "while s.value < 5000 { sleep(0.01) }",
                "print('churning')",
                "try { join p } catch err { print('killed') }",
                "print(l.acquire(30))",
                "with s { s.value = 0 - s.value }",
                "print(s.value < -5000)",
                "l.release()"));
        long pid = Long.parseLong(nextLine());
        assertEquals("churning", nextLine());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        assertEquals("killed", nextLine());
        assertEquals("true", nextLine());
        assertEquals("true", nextLine());
        root.join(10_000);
        assertFalse(root.isAlive());
    }

    @Test
    void aChildKilledInTheMiddleOfFastSemaphoreLoopsLosesNoPermit() throws Exception {
        Thread root = runInProcess(String.join("\n",
                "def churn(sem, s) {",
                "    while true { with sem { s.value = s.value + 1 } }",
                "}",
                "sem = semaphore(2)",
                "s = shared(0)",
                "p = spawn churn(sem, s)",
                "print(p.pid)",
                "while s.value < 5000 { sleep(0.01) }",
                "print('churning')",
                "try { join p } catch err { print('killed') }",
                "print(sem.acquire(30), sem.acquire(30), sem.acquire(0))"));
        long pid = Long.parseLong(nextLine());
        assertEquals("churning", nextLine());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        assertEquals("killed", nextLine());
        assertEquals("true true false", nextLine());
        root.join(10_000);
        assertFalse(root.isAlive());
    }

    @Test
    void aGetterKilledWithABatchInHandGivesTheRestBackInOrder() throws Exception {
        Thread root = runInProcess(String.join("\n",
                "def take(q, out, k, e) {",
                "    for i in range(k) { out.put(q.get()) }",
                "    e.set()",
                "    sleep(60)",
                "}",
                "q = queue()",
                "out = queue()",
                "e = event()",
                "for i in range(500) { q.put(i) }",
                "p = spawn take(q, out, 30, e)",
                "print(p.pid)",
                "e.wait()",
                "print(q.size())",
                "try { join p } catch err { print('killed') }",
                "taken = [out.get() for i in range(30)]",
                "rest = [q.get() for i in range(470)]",
                "print(taken + rest == list(range(500)), q.size())"));
        long pid = Long.parseLong(nextLine());
        assertEquals("470", nextLine());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        assertEquals("killed", nextLine());
        assertEquals("true 0", nextLine());
        root.join(10_000);
        assertFalse(root.isAlive());
    }

    @Test
    void killedPoolWorkerIsReplacedAndItsTaskFails() throws Exception {
        Thread root = runInProcess(String.join("\n",
                "def slow(q) {",
                "    q.put(pid())",
                "    sleep(60)",
                "}",
                "def whose(x) { return pid() }",
                "def distinct(xs) {",
                "    seen = {}",
                "    for x in xs { seen[x] = true }",
                "    return len(seen)",
                "}",
                "q = queue()",
                "w = pool(2)",
                "t = w.submit(slow, q)",
                "print(q.get())",
                "try { join t } catch e { print(e) }",
                "print(distinct([distinct(w.map(whose, range(200))) for i in range(20)]) <= 2)",
                "all = []",
                "for i in range(20) { all.extend(w.map(whose, range(200))) }",
                "print(distinct(all))",
                "w.close()"));
        long pid = Long.parseLong(nextLine());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        String failure = nextLine();
        assertTrue(failure.matches("task slow\\(<q>\\) failed: worker w\\d \\(pid " + pid
                + "\\) was killed by signal 9 \\(SIGKILL\\)"), failure);
        assertEquals("true", nextLine());
        assertEquals("2", nextLine());
        root.join(20_000);
        assertFalse(root.isAlive());
    }

    @Test
    void aMapWhoseWorkerIsKilledFailsAtOnceAndItsOtherChunksNeverRun() throws Exception {
        // one worker, four chunks of two items: the worker is killed on the first, and the
        // three queued behind it must be dropped, not run on the replacement before the next map
        Thread root = runInProcess(String.join("\n",
                "def item(x) {",
                "    if x == 0 {",
                "        print('busy', pid())",
                "        sleep(60)",
                "    }",
                "    print('item', x, 'ran')",
                "    return x * 10",
                "}",
                "w = pool(1)",
                "try { w.map(item, range(8)) } catch e { print(e) }",
                "print(w.map(item, [5, 6]))",
                "w.close()"));
        String busy = nextLine();
        assertTrue(busy.startsWith("busy "), busy);
        long pid = Long.parseLong(busy.substring("busy ".length()));
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        assertEquals("the 2 tasks item(0) to item(1) failed: worker w1 (pid " + pid + ") was killed by signal 9 (SIGKILL)",
                nextLine());
        assertEquals("item 5 ran", nextLine());
        assertEquals("item 6 ran", nextLine());
        assertEquals("[50, 60]", nextLine());
        root.join(20_000);
        assertFalse(root.isAlive());
        assertEquals(List.of(), List.copyOf(lines), "nothing more printed");
    }

    @Test
    void killedRootTakesItsChildrenWithIt() throws Exception {
        assertRootDeathKillsChildren("KILL", 137);
    }

    @Test
    void theSharedMemoryFileOfAKilledRootIsRemovedByTheNextRoot() throws Exception {
        Path script = dir.resolve("holder.par");
        Files.writeString(script, String.join("\n",
                "l = lock()",
                "l.acquire()",
                "print('up')",
                "sleep(60)"));
        Process root = startPar(script.toString());
        try (BufferedReader r = new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("up", r.readLine());
        }
        Path privateDir = par.launch.PrivateDir.get();
        List<Path> left;
        try (var files = Files.list(privateDir)) {
            left = files.filter(f -> f.getFileName().toString().startsWith("slots-" + root.pid() + "-")).toList();
        }
        assertEquals(1, left.size(), "the running root's file in " + privateDir);
        root.destroyForcibly();
        assertTrue(root.waitFor(10, TimeUnit.SECONDS));
        assertTrue(Files.exists(left.get(0)), "SIGKILL left it behind");
        Thread next = runInProcess("l = lock()\nprint('made')");
        assertEquals("made", nextLine());
        next.join(10_000);
        assertFalse(Files.exists(left.get(0)), "the next root removed it");
    }

    @Test
    void terminatedRootTakesItsChildrenWithIt() throws Exception {
        assertRootDeathKillsChildren("TERM", 143);
    }

    /**
     * Ctrl-C at a terminal signals its foreground process group: the root is in it, its
     * children are not (so the REPL can keep them), and the root's end takes them along.
     */
    @Test
    void interruptedScriptStopsEverythingWithStatus130() throws Exception {
        assertRootDeathKillsChildren("INT", 130);
    }

    /**
     * Ctrl-C during par check ends the schedule running, says how many passed, and leaves no
     * child behind.
     */
    @Test
    void interruptedCheckSaysHowFarItGotAndLeavesNoChild() throws Exception {
        Path script = dir.resolve("checked.par");
        Files.writeString(script, String.join("\n",
                "def add(c) { for i in range(20) { with c { c.value = c.value + 1 } } }",
                "c = shared(0)",
                "ps = [spawn add(c) for i in range(2)]",
                "for p in ps { join p }",
                "assert c.value == 40"));
        Process root = startPar("check", "--runs", "1000", script.toString());
        List<ProcessHandle> seen = new ArrayList<>();
        try {
            while (seen.size() < 2 && root.isAlive()) { // two children: a run is under way
                root.descendants().filter(p -> !seen.contains(p)).forEach(seen::add);
                Thread.sleep(10);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(root.pid())).start().waitFor();
            assertTrue(root.waitFor(10, TimeUnit.SECONDS), "par check did not end on SIGINT");
            String out = new String(root.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String said = "par check: stopped after \\d+ schedules, all passed \\("
                    + Pattern.quote(script.toString()) + "\\)\n";
            assertTrue(out.matches(said), out);
            assertEquals(130, root.exitValue());
        } finally {
            root.destroyForcibly();
        }
        assertEndWithin2s(seen, "par check");
    }

    /** The par command in a JVM of its own, started as a shell starts a job, stderr discarded. */
    private static Process startPar(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(SIGINT_AT_DEFAULT);
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Each child has ended, at most 2 s after the root it belonged to. */
    private static void assertEndWithin2s(List<ProcessHandle> children, String root) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (ProcessHandle child : children) {
            while (!ended(child) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(ended(child), "child " + child.pid() + " outlived " + root + " by more than 2 s");
        }
    }

    /**
     * The process has exited. A child whose root is gone is reparented to the machine's init,
     * and stays a zombie until init reaps it: seconds later where init reaps on a timer (1.4 to
     * 1.9 s on the CI machine, more when it is busy). ProcessHandle.isAlive counts a zombie as
     * alive, so the state in /proc decides where there is one.
     */
    private static boolean ended(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z'; // the state follows the command's name
        } catch (IOException noProc) {
            return !process.isAlive();
        }
    }

    private void assertRootDeathKillsChildren(String signal, int status) throws Exception {
        Path script = dir.resolve("root.par");
        Files.writeString(script, String.join("\n",
                "def slow() {",
                "    print('up')",
                "    sleep(60)",
                "}",
                "ps = [spawn slow() for i in range(3)]",
                "for p in ps { print(p.pid) }",
                "for p in ps { join p }"));
        Process root = startPar(script.toString());
        List<Long> children = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8))) {
            // the children are killed once running (a JVM still booting notices only when it starts)
            int up = 0;
            while (children.size() < 3 || up < 3) {
                String line = r.readLine();
                if (line.equals("up")) {
                    up++;
                } else {
                    children.add(Long.parseLong(line));
                }
            }
            for (long child : children) {
                assertTrue(processGroup(child) != processGroup(root.pid()),
                        "child " + child + " shares its root's process group, so a terminal's Ctrl-C reaches it");
            }
            new ProcessBuilder("kill", "-" + signal, Long.toString(root.pid())).start().waitFor();
            assertTrue(root.waitFor(10, TimeUnit.SECONDS), "the root did not end on SIG" + signal);
            assertEquals(status, root.exitValue());
        }
        List<ProcessHandle> handles = new ArrayList<>();
        for (long child : children) {
            ProcessHandle.of(child).ifPresent(handles::add);
        }
        assertEndWithin2s(handles, "its root");
    }

    /**
     * What starts the root as a shell starts a job in the foreground, with SIGINT at its default:
     * a suite run in the background (nohup, or a script's &) hands its processes SIGINT ignored,
     * and a JVM that starts with SIGINT ignored never hears a Ctrl-C. GNU env (coreutils 8.31
     * and later) resets it before it execs the JVM, whose pid stays the root's.
     */
    private static final List<String> SIGINT_AT_DEFAULT = envResetsSignals()
            ? List.of("env", "--default-signal=INT") : List.of();

    private static boolean envResetsSignals() {
        try {
            return new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A process's group, from /proc (Linux): the fifth field of its stat line. */
    private static long processGroup(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(after[2]);
    }

    /** Splits what a script prints into lines as they are written. */
    private static final class LineCollector extends OutputStream {
        private final LinkedBlockingQueue<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineCollector(LinkedBlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
