package par.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** --trace prints the hub's events in order; --timeline writes a page a real browser draws. */
@Timeout(120)
class TraceTimelineTest {
    private static final Pattern EVENT = Pattern.compile("\\[ *([0-9.]+) ms\\] (\\S+) +(.+?) *$");

    @TempDir
    Path dir;

    private String run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.run(argv, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void traceShowsEachEventInOrder() throws Exception {
        Path script = dir.resolve("t.par");
        Files.writeString(script, String.join("\n",
                "def f(l, q) {",
                "    with l { q.put(1) }",
                "}",
                "l = lock()",
                "q = queue()",
                "p = spawn f(l, q)",
                "q.get()",
                "join p"));
        List<String> events = new ArrayList<>();
        double last = -1;
        for (String line : run("--trace", script.toString()).split("\n")) {
            Matcher m = EVENT.matcher(line);
            assertTrue(m.matches(), "not a trace line: " + line);
            double ms = Double.parseDouble(m.group(1));
            assertTrue(ms >= last, "times go forward: " + line);
            last = ms;
            events.add(m.group(2) + " " + m.group(3).replaceAll(" +", " "));
        }
        String at = " at " + script;
        assertEquals(List.of("main spawn p1" + at + ":6", "p1 acquire l" + at + ":2", "p1 put q <- 1" + at + ":2",
                "p1 release l", "p1 exit status 0"), only(events, "p1 ", "main spawn"), events.toString());
        assertEquals(List.of("main get q -> 1" + at + ":7", "main join p1" + at + ":8", "main exit status 0"),
                only(events, "main get", "main join", "main exit"), events.toString());
    }

    private static List<String> only(List<String> events, String... prefixes) {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            for (String p : prefixes) {
                if (e.startsWith(p)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    @Test
    void timelineIsDrawnByARealBrowser() throws Exception {
        assumeTrue(new File("/usr/bin/chromium").canExecute(), "chromium is not installed (.ci/run installs it)");
        Path lesson = Path.of(System.getProperty("par.root", ".."), "scripts", "lessons", "05_producer_consumer.par");
        Path page = dir.resolve("timeline.html");
        String err = run("--timeline", page.toString(), lesson.toString());
        assertEquals("", err);
        String html = Files.readString(page);
        assertTrue(!html.contains("<script") && !html.replace("http://www.w3.org/2000/svg", "").contains("http"),
                "no scripts and nothing fetched from the network");
        Process chromium = new ProcessBuilder("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(chromium.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, count(dom, "class=\"lifeline\""), "a lane each for main, producer and consumer");
        assertEquals(22, count(dom, "class=\"queue\""), "an arrow per queue item: 20 numbers, the end mark, the total");
        assertEquals(3, count(dom, "class=\"exit\""), "three exits");
        assertTrue(count(dom, "class=\"wait\"") > 0, "the producer waits for room in the bounded queue");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
