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

    private static final String CHROMIUM = "/usr/bin/chromium";

    /** The page as headless Chromium has it once the page's script ran; fragment drives the view ("" for none). */
    private String dom(Path page, String fragment) throws Exception {
        Process chromium = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900", "--user-data-dir=" + dir.resolve("profile"),
                "--dump-dom", page.toUri() + fragment)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(chromium.waitFor(60, TimeUnit.SECONDS), "chromium ended");
            assertTrue(dom.contains("data-from="), "the page's script drew the plot: " + dom);
            return dom;
        } finally {
            chromium.destroyForcibly();
        }
    }

    /**
     * The trace turns the fast path off: every acquire and release of a lock in a loop, every
     * get of a drained queue and every semaphore's acquire is seen.
     */
    @Test
    void traceSeesEveryFastPathOperation() throws Exception {
        Path script = dir.resolve("loop.par");
        Files.writeString(script, String.join("\n",
                "def f(l, s, q, sem) {",
                "    for i in range(150) { with l { s.value = s.value + 1 } }",
                "    for i in range(100) { q.get() }",
                "    for i in range(120) { with sem { } }",
                "}",
                "l = lock()",
                "s = shared(0)",
                "q = queue()",
                "sem = semaphore(1)",
                "for i in range(100) { q.put(i) }",
                "join spawn f(l, s, q, sem)",
                "print(s.value)"));
        List<String> events = new ArrayList<>();
        for (String line : run("--trace", script.toString()).split("\n")) {
            Matcher m = EVENT.matcher(line);
            if (m.matches()) {
                events.add(m.group(2) + " " + m.group(3).replaceAll(" +", " ").replaceAll(" at .*", ""));
            }
        }
        assertEquals(150, events.stream().filter(e -> e.equals("p1 acquire l")).count(), events.toString());
        assertEquals(150, events.stream().filter(e -> e.equals("p1 release l")).count(), events.toString());
        assertEquals(150, events.stream().filter(e -> e.startsWith("p1 write s")).count(), events.toString());
        assertEquals(100, events.stream().filter(e -> e.startsWith("p1 get q")).count(), events.toString());
        assertEquals(120, events.stream().filter(e -> e.equals("p1 acquire sem")).count(), events.toString());
    }

    private Path lesson(String name) {
        return Path.of(System.getProperty("par.root", ".."), "scripts", "lessons", name);
    }

    /** The trace's lines and the "timeline: wrote" line of one run with both. */
    private List<String> traceAndTimeline(Path page, Path script) {
        return List.of(run("--trace", "--timeline", page.toString(), script.toString()).split("\n"));
    }

    @Test
    void timelineOfAProducerAndAConsumer() throws Exception {
        assumeTrue(new File(CHROMIUM).canExecute(), "chromium is not installed (.ci/run installs it)");
        Path page = dir.resolve("timeline.html");
        List<String> err = traceAndTimeline(page, lesson("05_producer_consumer.par"));
        List<String> trace = err.subList(0, err.size() - 1);
        assertEquals("timeline: wrote " + page + " (" + trace.size() + " events)", err.get(err.size() - 1),
                "with no deadlock every event is drawn, and the page says where it went");
        String html = Files.readString(page);
        assertTrue(!html.replace("http://www.w3.org/2000/svg", "").contains("http") && !html.contains("src=")
                && !html.contains("<link") && !html.contains("@import"), "nothing is fetched from the network");

        String dom = dom(page, "");
        assertEquals(3, count(dom, "class=\"lane\""), "a lane each for main, producer and consumer");
        assertEquals(trace.size(), count(dom, "class=\"event\""), "a tick for each event, each with its hover");
        assertEquals(22, count(dom, "class=\"link queue\""), "an arrow per queue item: 20 numbers, the end mark, the total");
        assertEquals(2, count(dom, "class=\"link spawn\""), "two spawns");
        assertEquals(3, count(dom, "class=\"exit ok\""), "three exits, all well");
        assertEquals(trace.stream().filter(l -> l.matches(".*\\] \\S+ +wait .*")).count(),
                count(dom, "class=\"segment wait-"), "a wait segment for each wait in the trace");
        assertEquals(2, count(dom, "class=\"segment starting\""), "each child's JVM start-up, in grey");
        for (double x : numbers(dom, "class=\"link queue\" d=\"M(-?[0-9.]+),")) {
            assertTrue(x >= 190, "the first view starts where processes meet: the arrows are all in it, not at " + x);
        }

        double[] first = range(dom);
        double[] zoomed = range(dom(page, "#wheel=-500"));
        assertEquals(Math.pow(1.0015, -500), (zoomed[1] - zoomed[0]) / (first[1] - first[0]), 0.001,
                "the wheel zooms in");
        assertEquals(first[0] + first[1], zoomed[0] + zoomed[1], 0.05, "around the pointer, here the middle");
        double[] panned = range(dom(page, "#drag=-300"));
        assertEquals(first[1] - first[0], panned[1] - panned[0], 0.05, "a drag keeps the span");
        assertTrue(panned[0] > first[0] + 1, "dragging to the left shows later times");
        double[] view = range(dom(page, "#view=600,650"));
        assertEquals(600, view[0], 0.01);
        assertEquals(650, view[1], 0.01);
    }

    @Test
    void timelineOfADeadlockEndsThereWithEveryExitAndTheWaitForArrows() throws Exception {
        assumeTrue(new File(CHROMIUM).canExecute(), "chromium is not installed (.ci/run installs it)");
        Path page = dir.resolve("timeline.html");
        List<String> err = traceAndTimeline(page, lesson("07_dining_philosophers.par"));
        long exits = err.stream().filter(l -> l.matches(".*\\] \\S+ +exit .*")).count();
        assertEquals(6, exits, "the trace has every process's exit, the five stopped ones too: " + err);
        long drawn = err.stream().takeWhile(l -> !l.startsWith("error: deadlock")).filter(l -> l.startsWith("[")).count()
                + 6;
        assertEquals("timeline: wrote " + page + " (" + drawn + " events)", err.get(err.size() - 1),
                "drawn: the events up to the deadlock, and the six exits after it");

        String dom = dom(page, "");
        assertEquals(6, count(dom, "class=\"lane\""), "main and five philosophers");
        assertEquals(6, count(dom, "class=\"exit "), "an exit mark for every process");
        assertEquals(5, count(dom, "class=\"exit killed\""), "the five philosophers, stopped by a signal");
        assertEquals(1, count(dom, "class=\"exit failed\""), "main, ended with status 1");
        assertEquals(5, count(dom, ">SIGKILL</text>"), "each stopped one says how");
        assertEquals(5, count(dom, "class=\"deadlock\""), "a cross where each was found deadlocked");
        assertEquals(5, count(dom, "class=\"link waitfor\""), "a wait-for arrow from each philosopher to the next");
        assertEquals(5, count(dom, "class=\"segment wait-barrier\""), "each philosopher waits at the barrier");
        assertEquals(5, count(dom, "class=\"segment wait-lock\""), "then for the fork on the right");
        assertEquals(1, count(dom, "class=\"segment wait-join\""), "main waits to join the first");
        double cut = numbers(dom, "class=\"cut deadlocked\" x1=\"([0-9.]+)\"").get(0);
        for (double x : numbers(dom, "<circle class=\"exit [a-z]+\" cx=\"([0-9.]+)\"")) {
            assertEquals(cut, x, 0.01, "a process stopped after the deadlock exits where it was reported");
        }
        List<Double> xs = numbers(dom, "<rect class=\"(?:segment|overlay) [a-z-]+\" x=\"([0-9.]+)\"");
        List<Double> ws = numbers(dom, "<rect class=\"(?:segment|overlay) [a-z-]+\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
        assertEquals(xs.size(), ws.size());
        for (int i = 0; i < xs.size(); i++) {
            assertTrue(xs.get(i) + ws.get(i) <= cut + 0.01, "nothing is drawn after the deadlock was reported");
        }
    }

    private static double[] range(String dom) {
        return new double[] {numbers(dom, "data-from=\"([0-9.]+)\"").get(0), numbers(dom, "data-to=\"([0-9.]+)\"").get(0)};
    }

    private static List<Double> numbers(String text, String regex) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
