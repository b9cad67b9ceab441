package par.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import par.interp.Interpreter;
import par.interp.ScriptRunner;
import par.interp.StreamOutput;

/**
 * Under {@code --schedule} a racy program of real processes runs the same way every time: the
 * same seed gives the same output and the same trace, byte for byte, run after run, while other
 * seeds lose other updates. The program races two children over a shared value without its
 * lock, and both print as they go.
 */
class ScheduleTest {
    private static final String RACE = String.join("\n",
            "counter = shared(0)",
            "def add(c, n, who) {",
            "    for i in range(n) {",
            "        v = c.value",
            "        c.value = v + 1",
            "        print(who, i)",
            "    }",
            "}",
            "ps = [spawn add(counter, 4, 'child ' + str(i)) for i in range(2)]",
            "for p in ps { join p }",
            "print('total', counter.value)",
            "");

    /** One run in this JVM, as the par command would make it: stdout, then the trace. */
    private static String run(long seed) throws Schedule.Bad {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        PrintStream traceStream = new PrintStream(trace, true, StandardCharsets.UTF_8);
        Interpreter interp = new Interpreter(InputStream.nullInputStream(), new StreamOutput(out, false),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        RootProcesses processes = RootProcesses.install(interp, 16, false, new Trace(traceStream, false));
        processes.schedule(Schedule.seeded(Long.toString(seed), "random"), null, "race.par");
        int status = ScriptRunner.run(interp, RACE, "race.par");
        assertEquals(0, status, "the run failed: " + out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8) + "--- trace\n" + trace.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(600)
    void oneSeedGivesOneRunTwentyTimesOver() throws Schedule.Bad {
        String first = run(3);
        assertTrue(first.contains("total "), first);
        for (int i = 1; i < 20; i++) {
            assertEquals(first, run(3), "run " + (i + 1) + " under seed 3 differs from the first");
        }
    }

    @Test
    @Timeout(600)
    void otherSeedsLoseOtherUpdates() throws Schedule.Bad {
        Set<String> totals = new HashSet<>();
        for (long seed = 1; seed <= 6; seed++) {
            String run = run(seed);
            totals.add(run.substring(run.indexOf("total "), run.indexOf("\n", run.indexOf("total "))));
        }
        assertTrue(totals.size() >= 2, "six seeds gave one total: " + totals);
    }
}
