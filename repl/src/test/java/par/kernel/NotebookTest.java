package par.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * docs/notebooks/lessons.ipynb run whole by nbclient on the Par kernel: its code cells are the
 * lessons as they are in scripts/lessons/, and each shows what the lesson teaches.
 */
class NotebookTest {
    private static final Path LESSONS = KernelTest.ROOT.resolve("scripts/lessons");
    private static final String PID = "\\(pid \\d+\\)";

    @TempDir
    Path dir;
    private Process client;

    @AfterEach
    void killLeftovers() {
        if (client != null) {
            client.descendants().forEach(ProcessHandle::destroyForcibly);
            client.destroyForcibly();
        }
    }

    @Test
    void theLessonsNotebookRunsAndTeaches() throws Exception {
        Assumptions.assumeTrue(KernelTest.pythonHas("nbclient"),
                "skipped: nbclient is missing (apt-get install python3-nbclient)");
        client = KernelTest.python(dir, KernelTest.ROOT.resolve("repl/src/test/kernel/run_notebook.py").toString(),
                KernelTest.ROOT.resolve("docs/notebooks/lessons.ipynb").toString(), dir.resolve("run.ipynb").toString());
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(5, TimeUnit.MINUTES), "nbclient did not end");
        assertEquals(0, client.exitValue(), () -> "nbclient failed:\n" + out + read(dir.resolve("client.err")));
        List<JsonObject> cells = new ArrayList<>();
        out.lines().forEach(line -> cells.add(JsonParser.parseString(line).getAsJsonObject()));
        assertEquals(4, cells.size());

        assertEquals(read(LESSONS.resolve("01_lost_update.par")), cells.get(0).get("source").getAsString());
        List<String> lost = shown(cells.get(0));
        Matcher m = Pattern.compile("stdout: updates lost: (\\d+) of 200\n").matcher(lost.get(0));
        assertTrue(m.matches(), lost.toString());
        // whether updates are lost is luck: the assert fails exactly when some were
        assertEquals(m.group(1).equals("0") ? List.of() : List.of("error Error: assertion failed: lost " + m.group(1)
                + " of 200 updates"), lost.subList(1, lost.size()));

        assertEquals("%timeline\n" + read(LESSONS.resolve("03_deadlock_lock_order.par")),
                cells.get(1).get("source").getAsString());
        // the lines are the cell's own: line 8 of the cell is line 7 of the lesson, below %timeline
        matches(List.of("stderr: error: deadlock\n",
                "stderr:   alice " + PID + " at <cell 2>:8 waits for b, holds a \\(taken at line 6\\)\n",
                "stderr:   bob " + PID + " at <cell 2>:8 waits for a, holds b \\(taken at line 6\\)\n",
                "stderr:   the cycle: alice holds a, waits for b -> bob holds b, waits for a -> alice\n",
                "display_data timeline of cell 2: \\d+ events, with html",
                "error Error: interrupted"), shown(cells.get(1)));

        assertEquals(read(LESSONS.resolve("05_producer_consumer.par")), cells.get(2).get("source").getAsString());
        assertEquals(List.of("stdout: sum of squares below 20: 2470 - in order: true\n"), shown(cells.get(2)));

        assertEquals(read(LESSONS.resolve("07_dining_philosophers.par")), cells.get(3).get("source").getAsString());
        List<String> philosophers = new ArrayList<>(List.of("stderr: error: deadlock\n"));
        for (int i = 0; i < 5; i++) {
            philosophers.add("stderr:   phil" + i + " " + PID + " at <cell 4>:8 waits for fork" + (i + 1) % 5
                    + ", holds fork" + i + " \\(taken at line 6\\)\n");
        }
        philosophers.add("stderr:   the cycle: phil0 holds fork0, waits for fork1 -> phil1 holds fork1, waits for fork2"
                + " -> phil2 holds fork2, waits for fork3 -> phil3 holds fork3, waits for fork4 -> phil4 holds fork4,"
                + " waits for fork0 -> phil0\n");
        philosophers.add("error Error: interrupted");
        matches(philosophers, shown(cells.get(3)));
    }

    /** A cell's outputs, one line each: {@code stdout: text}, {@code error NAME: value}, {@code display_data TEXT, with html}. */
    private static List<String> shown(JsonObject cell) {
        List<String> shown = new ArrayList<>();
        JsonArray outputs = cell.get("outputs").getAsJsonArray();
        for (var e : outputs) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("stream")) {
                shown.add(o.get("stream").getAsString() + ": " + o.get("text").getAsString());
            } else if (o.has("error")) {
                shown.add("error " + o.get("error").getAsString() + ": " + o.get("value").getAsString());
            } else {
                String type = o.keySet().stream().filter(k -> !k.equals("html")).findFirst().orElse("");
                shown.add(type + " " + o.get(type).getAsString() + (o.get("html").getAsBoolean() ? ", with html" : ""));
            }
        }
        return shown;
    }

    private static void matches(List<String> patterns, List<String> lines) {
        assertEquals(patterns.size(), lines.size(), lines.toString());
        for (int i = 0; i < patterns.size(); i++) {
            assertTrue(lines.get(i).matches(patterns.get(i)), lines.get(i) + " !~ " + patterns.get(i));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
