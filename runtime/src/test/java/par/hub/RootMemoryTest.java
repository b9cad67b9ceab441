package par.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import par.interp.Interpreter;
import par.interp.StreamOutput;

/**
 * The root keeps nothing of a child it spawned and joined once the handle is gone: after many
 * sequential spawns its live heap is where it was after the first ones, and its process table
 * is empty. Real child JVMs, run from an interpreter in this JVM as the golden scripts are.
 * Each spawn costs about 0.2 s of CPU on a small virtual machine, so the suite runs 150, of
 * which 120 are measured against a bound of 768 KiB: a child leaving 7 KB behind fails it (the
 * 83 KB each child used to leave would be 10 MB). -Dpar.memoryTestWarm=200
 * -Dpar.memoryTestSpawns=2000 runs the long form.
 */
class RootMemoryTest {
    private static final int WARM = Integer.getInteger("par.memoryTestWarm", 30);
    private static final int TOTAL = Integer.getInteger("par.memoryTestSpawns", 150);

    @Test
    @Timeout(3600)
    void finishedChildrenLeaveNothingBehind() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Interpreter interp = new Interpreter(InputStream.nullInputStream(), new StreamOutput(out, false),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        RootProcesses processes = RootProcesses.install(interp, 256);
        try {
            interp.run("def f(x) { return [x, x * 2] }\ntotal = 0\ni0 = 0\n", "memory.par");
            long start = System.nanoTime();
            spawnAndJoin(interp, WARM);
            long afterWarm = settledHeap(processes.hub());
            spawnAndJoin(interp, TOTAL - WARM);
            long afterAll = settledHeap(processes.hub());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("RootMemoryTest: live heap %.2f MiB after %d spawns, %.2f MiB after %d (%.1f s)%n",
                    afterWarm / 1048576.0, WARM, afterAll / 1048576.0, TOTAL, seconds);
            assertEquals((long) TOTAL * (TOTAL - 1) / 2 * 3, interp.globals.get("total"), "stderr: " + err);
            assertEquals(0, processes.hub().records(), "process records left in the hub");
            assertTrue(afterAll - afterWarm < 768 << 10, "the live heap grew by " + (afterAll - afterWarm)
                    + " bytes over " + (TOTAL - WARM) + " spawns");
        } finally {
            processes.shutdown(false); // every child was joined; should one be left, it is stopped
        }
    }

    /**
     * The hub keeps no record of a pool task once its process is done with it: a map's, an
     * imap's and imap_unordered's once their results are in (a failed map's too, its cancelled
     * tasks as they end), a submitted task's once its handle has its outcome (which it keeps:
     * get() again answers the same). A loop of maps used to grow the root's heap without end.
     */
    @Test
    @Timeout(300)
    void poolTasksLeaveNoRecordOnceDoneWith() throws InterruptedException {
        try (Session program = new Session()) {
            program.run("tasks.par",
                    "def sq(x) { return x * x }",
                    "def bad(x) { return 1 / (x - 2) }",
                    "w = pool(2)",
                    "total = 0",
                    "for i in range(40) { total += sum(w.map(sq, range(10))) }",
                    "t = w.submit(sq, 3)",
                    "print(total, t.get(), t.get(), t.done, t.successful(), t.wait(1))",
                    "r = w.imap(sq, [1, 2, 3])",
                    "print(list(r), list(r), sorted(list(w.imap_unordered(sq, [4, 5, 6]))))",
                    "try { w.map(bad, range(40)) } catch e { print('failed') }");
            assertEquals("11400 9 9 true true true\n[1, 4, 9] [1, 4, 9] [16, 25, 36]\nfailed\n", program.printed(),
                    "stderr: " + program.err);
            Hub hub = program.processes.hub();
            long deadline = System.nanoTime() + 60_000_000_000L; // the failed map's cancelled tasks end in their workers
            while (hub.pools.taskRecords() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, hub.pools.taskRecords(), "task records left in the hub");
        }
    }

    /**
     * A task whose handle (a submit's) or results (an imap's) the program drops before it has
     * asked how the task ended leaves no record either: once the handle is collected, the pool's
     * next request forgets it. A loop of submits nobody waits for kept them all until the run ended.
     */
    @Test
    @Timeout(300)
    void droppedTaskHandlesLeaveNoRecord() {
        try (Session program = new Session()) {
            program.run("dropped.par",
                    "def sq(x) { return x * x }",
                    "w = pool(2)",
                    "for i in range(300) { w.submit(sq, i) }",
                    "r = w.imap(sq, range(50))",
                    "for x in r { print(x)\n break }",
                    "r = nil",
                    "u = w.imap_unordered(sq, range(50))",
                    "u = nil",
                    "kept = w.submit(sq, 7)");
            Hub hub = program.processes.hub();
            assertTrue(hub.pools.taskRecords() >= 300, "the records are there before the handles go");
            // each round: collect what the program dropped, then a request of the pool's that forgets it
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (hub.pools.taskRecords() > 1 && System.nanoTime() < deadline) {
                System.gc();
                program.run("dropped.par", "w.submit(sq, 2).get()");
            }
            assertEquals(1, hub.pools.taskRecords(), "only the task whose handle is still held");
            program.run("dropped.par", "print(kept.get())");
            assertEquals("0\n49\n", program.printed(), "stderr: " + program.err);
            assertEquals(0, hub.pools.taskRecords());
        }
    }

    /** A program run in this JVM with processes of its own, its output kept for the test. */
    private static final class Session implements AutoCloseable {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final StreamOutput output = new StreamOutput(out, false);
        final Interpreter interp = new Interpreter(InputStream.nullInputStream(), output,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        final RootProcesses processes = RootProcesses.install(interp, 16);

        void run(String file, String... lines) {
            interp.run(String.join("\n", lines) + "\n", file);
        }

        String printed() {
            output.flush();
            return out.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            processes.shutdown(true);
        }
    }

    /**
     * Once a program that started children is over, nothing keeps it: its interpreter and hub
     * can be collected. A shutdown hook left registered by each program kept every one alive,
     * 300 MB after the golden corpus.
     */
    @Test
    @Timeout(120)
    void aFinishedProgramCanBeCollected() throws InterruptedException {
        Interpreter interp = new Interpreter(InputStream.nullInputStream(),
                new StreamOutput(new ByteArrayOutputStream(), false), new PrintStream(new ByteArrayOutputStream()));
        RootProcesses processes = RootProcesses.install(interp, 16);
        interp.run("def f(x) { return x + 1 }\nr = join spawn f(1)\n", "collected.par");
        assertEquals(2L, interp.globals.get("r"));
        processes.shutdown(true);
        WeakReference<Interpreter> program = new WeakReference<>(interp);
        WeakReference<Hub> hub = new WeakReference<>(processes.hub());
        interp = null;
        processes = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((program.get() != null || hub.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(program.get(), "the interpreter of a finished program is still reachable");
        assertNull(hub.get(), "the hub of a finished program is still reachable");
    }

    /** Spawns and joins n children one after another, each handle dropped at once. */
    private static void spawnAndJoin(Interpreter interp, int n) {
        interp.run("for i in range(" + n + ") {\n    r = join spawn f(i0 + i)\n"
                + "    total += r[0] + r[1]\n}\ni0 += " + n + "\n", "memory.par");
    }

    /**
     * The heap in use once the hub has forgotten every finished child whose handle is gone (it
     * hears of a handle collected after a collection), after full collections, so what is left
     * is what something still holds.
     */
    private static long settledHeap(Hub hub) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        System.gc();
        while (hub.records() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            System.gc();
        }
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
