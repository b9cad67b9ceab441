package par.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * {@code par check}: it finds the schedule that loses an update and says how to run it again,
 * passes the program whose updates hold the lock, and refuses bad options. The programs are
 * the corpus's scripts/check, whose .par also run as golden scripts under one seed.
 */
class CheckTest {
    private static final String FOUND = "../scripts/check/lost_update_found.par";
    private static final String PREVENTED = "../scripts/check/lost_update_prevented.par";

    private record Run(int status, String out, String err) {
    }

    private static Run par(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(argv, new ByteArrayInputStream(new byte[0]), out,
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLostUpdateIsFoundWithTheCommandThatShowsItAgain() {
        Run r = par("check", FOUND);
        assertEquals(String.join("\n",
                "par check: schedule 1 failed (seed 1, exit status 1)",
                "--- its errors",
                FOUND + ":12: error: assertion failed: lost 2 of 6 updates",
                "    assert counter.value == 6, \"lost \" + str(6 - counter.value) + \" of 6 updates\"",
                "    " + "^".repeat(77),
                "  in <main> at " + FOUND + ":12",
                "--- the last steps of each process",
                "  [step    10] p1       read         counter -> 2   at " + FOUND + ":6",
                "  [step    11] p1       write        counter <- 3   at " + FOUND + ":6",
                "  [step    11] p1       exit         status 0",
                "  [step    16] p2       read         counter -> 3   at " + FOUND + ":6",
                "  [step    17] p2       write        counter <- 4   at " + FOUND + ":6",
                "  [step    17] p2       exit         status 0",
                "  [step    18] main     read         counter -> 4   at " + FOUND + ":12",
                "  [step    19] main     read         counter -> 4   at " + FOUND + ":12",
                "  [step    19] main     exit         status 1",
                "--- run it again with",
                "  par --schedule 1 " + FOUND,
                ""), r.out());
        assertEquals("", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void updatesUnderTheLockPassEverySchedule() {
        Run r = par("check", "--runs", "5", "--strategy", "pct:2", PREVENTED);
        assertEquals("par check: 5 schedules passed (seeds 1 to 5, strategy pct:2)\n", r.out());
        assertEquals("", r.err());
        assertEquals(0, r.status());
    }

    /**
     * The runs share their child JVMs: twenty runs of two spawns each are forty jobs, done by a
     * handful of JVMs (the ones this JVM starts while the check runs are counted).
     */
    @Test
    void runsShareTheirChildJvms() throws InterruptedException {
        java.util.Set<Long> jvms = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread counter = new Thread(() -> {
            while (!done.get()) {
                ProcessHandle.current().children().forEach(p -> jvms.add(p.pid()));
                try {
                    Thread.sleep(5); // a look every 5 ms: a JVM lives far longer than that
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        counter.start();
        Run r;
        try {
            r = par("check", "--runs", "20", PREVENTED);
        } finally {
            done.set(true);
            counter.join();
        }
        assertEquals("par check: 20 schedules passed (seeds 1 to 20, strategy random)\n", r.out());
        assertTrue(jvms.size() >= 2 && jvms.size() <= 8, "forty jobs took " + jvms.size() + " JVMs");
    }

    /** A JVM stopped as its run ended was once handed, dead, to a spawn of the next run. */
    @Test
    void noRunGetsAJvmThatTheRunBeforeStopped() {
        assertEquals(new Run(0, "par check: 200 schedules passed (seeds 1 to 200, strategy random)\n", ""),
                par("check", "--runs", "200", "../scripts/check/children_done_as_the_run_ends.par"));
    }

    @Test
    void badOptionsAreRefused() {
        assertEquals(new Run(2, "", "par: error: --runs needs a number from 1 to 1000000, not 0\n"),
                par("check", "--runs", "0", PREVENTED));
        assertEquals(new Run(2, "", "par: error: unknown strategy 'dfs' (random, or pct:D)\n"),
                par("check", "--strategy", "dfs", PREVENTED));
        assertEquals(new Run(2, "", "par: error: check needs a file to run (" + Check.USAGE + ")\n"),
                par("check"));
        assertEquals(new Run(2, "", "par: error: cannot open nowhere.par: no such file\n"),
                par("check", "nowhere.par"));
    }
}
